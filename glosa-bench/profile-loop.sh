#!/usr/bin/env bash
# Where the per-segment loop's time goes: runs JMH's LoopBenchmark.loop under Java Flight Recorder and writes the
# share of execution samples per top frame (method) and per package to glosa-bench/results/loop-profile.txt, which
# glosa-bench/perfdoc.py puts into docs/performance.md. (-jvmArgsAppend on the command line replaces the benchmark's own
# fork options, so they are repeated here.)
#
#   glosa-bench/profile-loop.sh [SEGMENTS]     (default 1000, as the JMH loop benchmark; about two minutes quiet)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
segments="${1:-1000}"
jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -q -B -pl glosa-bench -am package -DskipTests)
fi
work="$(mktemp -d)"
load_before="$(cat /proc/loadavg)"
java -jar "$jar" 'LoopBenchmark.loop$' -p segments="$segments" -f 1 -wi 1 -i 2 \
  -jvmArgsAppend "--add-modules jdk.incubator.vector -Xms2g -Xmx2g -XX:+AlwaysPreTouch -XX:StartFlightRecording=filename=$work/loop.jfr,settings=profile" > "$work/jmh.txt" 2>&1
load_after="$(cat /proc/loadavg)"
mkdir -p "$here/results"
jfr print --events jdk.ExecutionSample "$work/loop.jfr" > "$work/samples.txt"
python3 - "$work/samples.txt" "$segments" "$load_before" "$load_after" > "$here/results/loop-profile.txt" <<'PY'
import collections, re, sys
top, pkg, total = collections.Counter(), collections.Counter(), 0
frames = None
for line in open(sys.argv[1]):
    line = line.strip()
    if line.startswith("stackTrace = ["):
        frames = []
    elif frames is not None and line.startswith("]"):
        if frames:
            total += 1
            top[frames[0]] += 1
            m = re.match(r"((?:[a-z0-9_]+\.)+)", frames[0])
            pkg[m.group(1).rstrip(".") if m else frames[0]] += 1
        frames = None
    elif frames is not None and line and not line.startswith("..."):
        frames.append(re.sub(r"\(.*", "", re.sub(r"\s+line:.*", "", line)))
print("JFR execution samples of JMH LoopBenchmark.loop, segments=%s (warm-up and measured runs); %d samples;"
      " load before %s, after %s" % (sys.argv[2], total, sys.argv[3], sys.argv[4]))
print()
print("by package of the top frame:")
for k, v in pkg.most_common(12):
    print("  %5.1f%%  %s" % (100.0 * v / total, k))
print()
print("by top frame (method):")
for k, v in top.most_common(20):
    print("  %5.1f%%  %s" % (100.0 * v / total, k))
PY
cat "$here/results/loop-profile.txt"
rm -rf "$work"
