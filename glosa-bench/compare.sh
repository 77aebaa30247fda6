#!/usr/bin/env bash
# Side by side with scikit-learn: writes one generated data set to CSV, runs the same tasks through scikit-learn
# and through the library in the same run on the same machine, and prints a table of ratios.
#
#   glosa-bench/compare.sh [--quick] [--dir DIR] [--save]
#
# Default run: k-means 1,000,000 x 8, DBSCAN 100,000 x 8, Ward 15,000 x 8, criteria 5,000 x 4, 100 segments of the
# per-segment loop (under fifteen minutes on the 2-core machine, with the waits for a quiet machine). --quick: 100,000 / 20,000 / 5,000 / 5,000 / 20
# segments, one timed run each (under two minutes). Needs Debian's python3-sklearn for /usr/bin/python3: installed
# with apt-get when missing (the python3 on PATH may be another one, without it). Builds the benchmarks jar when it
# is missing. Results: DIR/sklearn.json, DIR/glosa.json, DIR/c.json, DIR/machine.json and DIR/report.json (all of
# them with the checks and the table; default DIR: glosa-bench/target/compare). Each task group runs in a JVM of its
# own (glosa-TASK.json), the loop's ELKI side too, as JMH forks one JVM per benchmark. --save copies report.json to
# glosa-bench/results/compare.json, from which glosa-bench/perfdoc.py regenerates docs/performance.md.
# When the system has a C compiler (cc), a plain Lloyd kernel in C (lloyd.c, OpenMP when available) runs on the same
# data from the same start as the machine's own yardstick; the run says so when there is none.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
quick=""
save=""
dir="$here/target/compare"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick="--quick"; shift ;;
    --dir) dir="$2"; shift 2 ;;
    --save) save=1; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (expected --quick, --dir DIR or --save)" >&2; exit 2 ;;
  esac
done

py=/usr/bin/python3
if ! "$py" -c "import sklearn" 2>/dev/null; then
  echo "scikit-learn missing for $py: installing Debian's python3-sklearn" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq python3-sklearn
fi

jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  echo "building $jar" >&2
  (cd "$root" && ./mvnw -q -B -pl glosa-bench -am package -DskipTests)
fi

# The run, and each side's k-means (timed in milliseconds), start on a quiet machine: before the run, the
# scikit-learn run (k-means is its first task), the C kernel and the library's k-means task, this waits until the
# 1-minute load average is below $GLOSA_COMPARE_MAX_LOAD (default 0.5), at most 3 minutes, and logs the load.
max_load="${GLOSA_COMPARE_MAX_LOAD:-0.5}"
mkdir -p "$dir"
: > "$dir/load.log"
wait_quiet() {
  local waited=0
  while [ "$waited" -lt 180 ] && awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v m="$max_load" 'BEGIN { exit !(l >= m) }'; do
    sleep 10
    waited=$((waited + 10))
  done
  echo "$(date -Is) start $1 after ${waited} s, load: $(cat /proc/loadavg)" | tee -a "$dir/load.log"
}

wait_quiet run
load_before="$(cat /proc/loadavg)"
echo "load before the run: $(uptime)"
start=$(date +%s)
rm -f "$dir/c.json" "$dir/kmeans_c_labels.csv"
java -Xmx3g -cp "$jar" dev.glosa.bench.Compare export "$dir" $quick
wait_quiet sklearn
"$py" "$here/compare.py" sklearn "$dir"
# The C yardstick: the same data, the same initial centres, the same stopping rule as scikit-learn's Lloyd.
cc_version="none"
if command -v cc >/dev/null 2>&1; then
  cc_version="$(cc --version | head -1)"
  if cc -O3 -march=native -fopenmp -o "$dir/lloyd" "$here/lloyd.c" -lm 2>/dev/null; then
    cc_flags="-O3 -march=native -fopenmp"
  else
    echo "cc has no OpenMP here: the C kernel runs on one thread" >&2
    cc -O3 -march=native -o "$dir/lloyd" "$here/lloyd.c" -lm
    cc_flags="-O3 -march=native"
  fi
  k=$(sed -n 's/^k=//p' "$dir/tasks.properties")
  wait_quiet c
  "$dir/lloyd" "$dir/kmeans.csv" "$dir/kmeans_init.csv" "$k" 300 1e-4 "$dir/c.json" "$dir/kmeans_c_labels.csv"
  "$py" - "$dir/c.json" "$cc_version" "$cc_flags" <<'PY'
import json, sys
p = sys.argv[1]
c = json.load(open(p))
c.update(c_compiler=sys.argv[2], c_flags=sys.argv[3])
json.dump(c, open(p, "w"), indent=2)
PY
else
  echo "no C compiler (cc) on this machine: the table has no C yardstick" >&2
fi
# Each task group runs in a JVM of its own, as JMH forks one per benchmark, the ELKI side of the loop included; their
# results are merged into glosa.json.
# AlwaysPreTouch: the heap's pages are touched at start, not during the first timed runs (the kernel zeroes them).
# --add-modules: the k-means engine's Vector API path (the library falls back to scalar code without it).
rm -f "$dir"/glosa-*.json
for task in kmeans dbscan ward criteria loop-glosa loop-elki; do
  if [ "$task" = kmeans ]; then wait_quiet "glosa $task"; fi
  java --add-modules jdk.incubator.vector -Xms3g -Xmx3g -XX:+AlwaysPreTouch -cp "$jar" dev.glosa.bench.Compare run \
    "$dir" $quick --task "$task"
done
"$py" - "$dir" <<'PY'
import json, os, sys
d = sys.argv[1]
merged = {}
for task in ("kmeans", "dbscan", "ward", "criteria", "loop-glosa", "loop-elki"):
    with open(os.path.join(d, "glosa-%s.json" % task)) as f:
        merged.update(json.load(f))
with open(os.path.join(d, "glosa.json"), "w") as f:
    json.dump(merged, f, indent=2)
PY
load_after="$(cat /proc/loadavg)"
"$py" - "$dir/machine.json" "$load_before" "$load_after" "$quick" "$cc_version" "$dir/load.log" <<'PY'
import json, os, platform, subprocess, sys, time
cpu = ""
with open("/proc/cpuinfo") as f:
    for line in f:
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
json.dump({"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpu": cpu, "cores": os.cpu_count(),
           "kernel": platform.release(), "java": java, "cc": sys.argv[5],
           "mem_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
           "loadavg_before": sys.argv[2], "loadavg_after": sys.argv[3], "quick": bool(sys.argv[4]),
           "kmeans_starts": open(sys.argv[6]).read().splitlines()},
          open(sys.argv[1], "w"), indent=2)
PY
"$py" "$here/compare.py" report "$dir"
echo "load after the run: $(uptime)"
echo "elapsed: $(( $(date +%s) - start )) s"
if [ -n "$save" ]; then
  mkdir -p "$here/results"
  cp "$dir/report.json" "$here/results/compare.json"
  echo "saved $here/results/compare.json"
fi
