#!/usr/bin/env bash
# Side by side with scikit-learn: writes one generated data set to CSV, runs the same tasks through scikit-learn
# and through the library in the same run on the same machine, and prints a table of ratios.
#
#   glosa-bench/compare.sh [--quick] [--dir DIR]
#
# Default run: k-means 1,000,000 x 8, DBSCAN 100,000 x 8, Ward 15,000 x 8, criteria 5,000 x 4, 100 segments of the
# per-segment loop (under ten minutes on the 2-core machine). --quick: 100,000 / 20,000 / 5,000 / 5,000 / 20
# segments, one timed run each (under two minutes). Needs Debian's python3-sklearn for /usr/bin/python3: installed
# with apt-get when missing (the python3 on PATH may be another one, without it). Builds the benchmarks jar when it
# is missing. Results: DIR/sklearn.json, DIR/glosa.json (default DIR: glosa-bench/target/compare).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
quick=""
dir="$here/target/compare"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick="--quick"; shift ;;
    --dir) dir="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (expected --quick or --dir DIR)" >&2; exit 2 ;;
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

echo "load before the run: $(uptime)"
start=$(date +%s)
mkdir -p "$dir"
java -Xmx3g -cp "$jar" dev.glosa.bench.Compare export "$dir" $quick
"$py" "$here/compare.py" sklearn "$dir"
# AlwaysPreTouch: the heap's pages are touched at start, not during the first timed runs (the kernel zeroes them).
java -Xms3g -Xmx3g -XX:+AlwaysPreTouch -cp "$jar" dev.glosa.bench.Compare run "$dir" $quick
"$py" "$here/compare.py" report "$dir"
echo "load after the run: $(uptime)"
echo "elapsed: $(( $(date +%s) - start )) s"
