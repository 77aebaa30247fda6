#!/bin/sh
# measure-scale.sh NAME ARGSFILE HEAP: runs `glosa sus` (the core) then `glosa-spark sus` (local[*]) on the same SIH
# files, one after the other, in the current folder, and prints each one's wall time and peak RSS (/usr/bin/time -v)
# with the machine's load, then whether the two star schemas are byte-identical. ARGSFILE holds the inputs as
# GenerateSih prints them (--rd ... --rj ... --er ...); HEAP is the JVMs' -Xmx (8g, 16g). A glosa.yaml in the
# current folder is the runs' configuration. Build first: ./mvnw -q -B package -DskipTests (docs/spark.md).
name=$1; args=$(cat "$2"); heap=$3
bin=$(CDPATH= cd -- "$(dirname -- "$0")/../bin" && pwd)
for tool in glosa glosa-spark; do
  rm -rf "out-$name-$tool"
  start="$(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  GLOSA_JAVA_OPTS=-Xmx$heap /usr/bin/time -v "$bin/$tool" sus $args --out "out-$name-$tool" --as-of 2026-11-23 \
    --config glosa.yaml > "$name-$tool.out" 2> "$name-$tool.err" || echo "$tool failed"
  echo "$name $tool heap $heap: $(grep 'Elapsed (wall' "$name-$tool.err" | sed 's/.*: //') wall, $(grep 'Maximum resident' "$name-$tool.err" | sed 's/.*: //') KB peak RSS, load at start $start, at end $(cut -d' ' -f1-3 /proc/loadavg)"
done
for t in fact_glosa dim_segment dim_group indicators group_state; do
  cmp -s "out-$name-glosa/$t.csv" "out-$name-glosa-spark/$t.csv" && echo "$t identical" || echo "$t DIFFERS"
done
