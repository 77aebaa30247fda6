#!/usr/bin/env bash
# Runs the JMH benchmarks group by group, each only when the machine is quiet, and keeps every result as JSON.
#
#   glosa-bench/bench.sh [--save] [GROUP...]   groups: kmeans dbscan ward criteria dbc csv reconcile loop memory
#                                        (default: all of them, in that order)
#
# Before each group it waits until the 1-minute load average is below $GLOSA_BENCH_MAX_LOAD (default 0.5),
# checking every minute, and records the load before and after next to the results:
# glosa-bench/target/jmh/GROUP.json (JMH's -rf json), GROUP.txt (its console output), load.log.
# Extra JMH options can be given in $JMH_OPTS (for example "-f 1 -wi 1 -i 1" for a smoke run).
# --save: at the end, copies every GROUP.json, memory.json and load.log of this run, with machine.json, to
# glosa-bench/results/bench/, from which glosa-bench/perfdoc.py regenerates docs/performance.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/target/jmh"
max_load="${GLOSA_BENCH_MAX_LOAD:-0.5}"
built="$here/target/benchmarks.jar"
mkdir -p "$out"
if [ ! -f "$built" ]; then
  (cd "$root" && ./mvnw -q -B -pl glosa-bench -am package -DskipTests)
fi
# A private copy, so that a rebuild during a long run cannot swap the jar under it.
jar="$out/benchmarks-run.jar"
cp "$built" "$jar"

load1() { cut -d' ' -f1 /proc/loadavg; }
wait_quiet() {
  while awk -v l="$(load1)" -v m="$max_load" 'BEGIN { exit !(l >= m) }'; do
    echo "$(date -Is) load $(load1) >= $max_load, waiting" | tee -a "$out/load.log"
    sleep 60
  done
}

run_group() {
  local name="$1"; shift
  wait_quiet
  echo "$(date -Is) start $name, load: $(cat /proc/loadavg)" | tee -a "$out/load.log"
  # shellcheck disable=SC2086
  java -jar "$jar" "$@" ${JMH_OPTS:-} -rf json -rff "$out/$name.json" 2>&1 | tee "$out/$name.txt"
  echo "$(date -Is) end $name, load: $(cat /proc/loadavg)" | tee -a "$out/load.log"
}

save=""
if [ "${1:-}" = "--save" ]; then save=1; shift; fi
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(kmeans dbscan ward criteria dbc csv reconcile loop memory)
for g in "${groups[@]}"; do
  case "$g" in
    kmeans) run_group kmeans 'KMeansBenchmark' ;;
    dbscan) run_group dbscan 'DbscanBenchmark' ;;
    ward) run_group ward 'WardBenchmark' ;;
    criteria) run_group criteria 'CriteriaBenchmark' ;;
    dbc) run_group dbc 'DbcBenchmark' ;;
    csv) run_group csv 'CsvBenchmark' ;;
    reconcile) run_group reconcile 'ReconcileBenchmark' ;;
    loop) run_group loop 'LoopBenchmark' ;;
    memory)
      wait_quiet
      echo "$(date -Is) start memory, load: $(cat /proc/loadavg)" | tee -a "$out/load.log"
      java -Xmx1g -cp "$jar" dev.glosa.bench.LoopMemory 1000 all | tee "$out/memory.json"
      echo "$(date -Is) end memory, load: $(cat /proc/loadavg)" | tee -a "$out/load.log"
      ;;
    *) echo "unknown group: $g" >&2; exit 2 ;;
  esac
done
if [ -n "$save" ]; then
  dest="$here/results/bench"
  mkdir -p "$dest"
  for g in "${groups[@]}"; do
    [ -f "$out/$g.json" ] && cp "$out/$g.json" "$dest/$g.json"
  done
  cp "$out/load.log" "$dest/load.log"
  python3 - "$dest/machine.json" <<'PY'
import json, os, platform, subprocess, sys, time
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "")
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
json.dump({"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpu": cpu, "cores": os.cpu_count(),
           "kernel": platform.release(), "java": java, "loadavg_at_end": open("/proc/loadavg").read().strip()},
          open(sys.argv[1], "w"), indent=2)
PY
  echo "saved to $dest"
fi
