#!/bin/sh
# measure-scale.sh NAME ARGSFILE HEAP [TOOLS]: runs `glosa sus` (the core) then `glosa-spark sus` (local[*]) on the
# same SIH files, one after the other (TOOLS, default "glosa glosa-spark", runs one of them again against the other's
# last output), in the current folder, and prints each one's wall time, peak RSS (/usr/bin/time -v),
# rows read and AIHs reconciled, with the machine's load (and, for Spark, the time of its three jobs), then whether
# the two star schemas are byte-identical. ARGSFILE holds the inputs as GenerateSih prints them (--rd ... --rj ...
# --er ...); HEAP is the JVMs' -Xmx (8g, 16g). A glosa.yaml in the current folder is the runs' configuration. Build
# first: ./mvnw -q -B package -DskipTests (docs/spark.md). The lines it prints are what
# glosa-bench/results/spark-scale.txt keeps, and glosa-bench/perfdoc.py puts in docs/performance.md.
name=$1; args=$(cat "$2"); heap=$3; tools=${4:-glosa glosa-spark}
bin=$(CDPATH= cd -- "$(dirname -- "$0")/../bin" && pwd)
echo "$name on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(git -C "$bin/.." rev-parse --short HEAD 2>/dev/null)"
for tool in $tools; do
  rm -rf "out-$name-$tool"
  start="$(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  GLOSA_JAVA_OPTS=-Xmx$heap /usr/bin/time -v "$bin/$tool" sus $args --out "out-$name-$tool" --as-of 2026-11-23 \
    --config glosa.yaml > "$name-$tool.out" 2> "$name-$tool.err" || echo "$tool failed: $(grep -m1 -E -e '^glosa(-spark)?( [a-z]+)?: ' -e 'OutOfMemoryError' "$name-$tool.err")"
  rows=$(grep -E '^(RD|RJ|ER): [0-9,]+ rows' "$name-$tool.err" | awk '{gsub(",", "", $2); s += $2} END {print s}')
  aihs=$(awk '$1 == "overall" {print $2; exit}' "$name-$tool.out")
  echo "$name $tool heap $heap: $(grep 'Elapsed (wall' "$name-$tool.err" | sed 's/.*: //') wall, $(grep 'Maximum resident' "$name-$tool.err" | sed 's/.*: //') KB peak RSS, $rows rows in, ${aihs:-no} AIHs, load at start $start, at end $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$tool" = glosa-spark ]; then
    echo "$name glosa-spark jobs: $(grep -E 'Job [0-9]+ finished' "$name-$tool.err" | sed -E 's/.*finished: ([a-zA-Z]+) at ([A-Za-z]+)\.java.*took ([0-9]+)\..*/\2 \3 ms/' | paste -sd, -)"
  fi
done
for t in fact_glosa dim_segment dim_group indicators group_state; do
  cmp -s "out-$name-glosa/$t.csv" "out-$name-glosa-spark/$t.csv" && echo "$name $t identical" || echo "$name $t DIFFERS"
done
