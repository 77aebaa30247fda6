"""Regenerates docs/performance.md from the committed raw results, so that no figure in it is older than they are.

    python3 glosa-bench/perfdoc.py [RESULTS_DIR] [OUT.md]

RESULTS_DIR (default glosa-bench/results) holds compare.json (written by `glosa-bench/compare.sh --save`) and
bench/*.json (written by `glosa-bench/bench.sh --save`: JMH's JSON per group, memory.json, machine.json, load.log)
and loop-profile.txt (written by `glosa-bench/profile-loop.sh`) and spark-scale.txt (the lines
`glosa-spark/measure-scale.sh` printed).
Every figure of the document comes from those files; where one is missing, the document says so instead of keeping an
older figure. A run whose 1-minute load average was above 1.0 at its start is marked provisional.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def ms(v):
    return "%.1f" % v if v < 100 else "{:,.0f}".format(v)


def load1(s):
    try:
        return float(str(s).split()[0])
    except (ValueError, IndexError):
        return float("nan")


def scale_table(path):
    """The runs of measure-scale.sh as a table: one row per tool run."""
    import re
    rows, run, commit, failed, same = [], None, "", {}, {}
    with open(path) as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    for l in lines:
        m = re.match(r"(\S+) on (.+?), (\d+) cores, (\S+)$", l)
        if m:
            run, commit = m.group(1), m.group(4)
            continue
        m = re.match(r"(glosa|glosa-spark) failed: (.*)$", l)
        if m:
            failed[(run, commit, m.group(1))] = m.group(2)
            continue
        m = re.match(r"(\S+) (glosa|glosa-spark) heap (\S+): (\S+) wall, (\d+) KB peak RSS, (\d+) rows in, (\S+) AIHs", l)
        if m:
            wall = m.group(4).split(":")
            seconds = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
            rows.append([run, commit, m.group(2), m.group(3), m.group(4).split(".")[0], int(m.group(5)) / 1024 / 1024,
                         int(m.group(6)), m.group(7), int(m.group(6)) / seconds])
            continue
        m = re.match(r"(\S+) (\S+) (identical|DIFFERS)$", l)
        if m:
            same.setdefault((run, commit), []).append(m.group(3) == "identical")
    out = ["| set | commit | tool | heap | wall | peak RSS | rows in | AIHs | rows/s | outcome |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        key = (r[0], r[1], r[2])
        other = (r[0], r[1], "glosa" if r[2] == "glosa-spark" else "glosa-spark")
        speed = "{:,.0f}".format(r[8])
        aihs = r[7]
        checks = same.get((r[0], r[1]), [])
        if key in failed:
            outcome = "**failed**: " + failed[key].replace(" (run with --verbose for details)", "")
            aihs, speed = "-", "-"
        elif other in failed:
            outcome = "not compared: the other tool failed"
        elif checks:
            outcome = "same tables" if all(checks) else "**tables differ**"
        else:
            outcome = ""
        out.append("| %s | %s | %s | %s | %s | %.1f GB | {:,} | %s | %s | %s |".format(r[6])
                   % (r[0], r[1], r[2], r[3], r[4], r[5], aihs, speed, outcome))
    return out


def compare_section(cmp):
    out = []
    if cmp is None:
        return ["No `compare.sh` run is committed (`glosa-bench/results/compare.json` is missing): no figures."], []
    m = cmp.get("machine") or {}
    quiet = load1(m.get("loadavg_before")) <= 1.0
    out.append("One run of `glosa-bench/compare.sh%s --save` on %s: %s, %s cores, %s GB, %s; C compiler: %s. "
               "Load average (1, 5, 15 min) before the run: %s; after: %s.%s" % (
                   " --quick" if m.get("quick") else "", m.get("date", "?"), m.get("cpu", "?"), m.get("cores", "?"),
                   m.get("mem_gb", "?"), m.get("java", "?"), m.get("cc", "?"), m.get("loadavg_before", "?"),
                   m.get("loadavg_after", "?"),
                   "" if quiet else " **Provisional: the machine was busy; the ratios are indicative only.**"))
    out.append("")
    starts = m.get("kmeans_starts")
    if starts:
        out.append("The run and each side's k-means started once the 1-minute load average was below 0.5 (at most 3 "
                   "minutes' wait):")
        out.append("")
        out.extend("    " + line for line in starts)
        out.append("")
    gl = cmp["glosa"]
    out.append("scikit-learn %s, numpy %s; the library's k-means Vector API path was %s." % (
        cmp["sklearn"]["sklearn"], cmp["sklearn"]["numpy"], "on" if gl.get("vector_module") else "off"))
    out.append("")
    out.append("| task | other | other ms | glosa ms | ratio (other / glosa) | target | verdict | checks and notes |")
    out.append("|---|---|---|---|---|---|---|---|")
    for r in cmp["rows"]:
        tg = r["target"]
        out.append("| %s | %s | %s | %s | %.2f× | %s | %s | %s |" % (
            r["task"], r["other"], ms(r["other_ms"]), ms(r["glosa_ms"]), r["ratio"],
            "" if tg is None else "≥ %.3g×" % tg, r["verdict"], r["note"]))
    return out, [r for r in cmp["rows"] if r["target"] is not None]


def bench_section(bench_dir):
    out = []
    rows = []
    if not os.path.isdir(bench_dir):
        return ["No `bench.sh` run is committed (`glosa-bench/results/bench/` is missing): no figures."], {}
    m = load(os.path.join(bench_dir, "machine.json")) or {}
    log = ""
    if os.path.exists(os.path.join(bench_dir, "load.log")):
        with open(os.path.join(bench_dir, "load.log")) as f:
            log = [line.strip() for line in f if " start " in line or " end " in line]
    out.append("One run of `glosa-bench/bench.sh --save` ending %s on %s, %s cores, %s. Load per group (start and end, "
               "from load.log):" % (m.get("date", "?"), m.get("cpu", "?"), m.get("cores", "?"), m.get("java", "?")))
    out.append("")
    for line in log:
        out.append("    " + line)
    out.append("")
    out.append("| benchmark | parameters | score | error (99.9%) | unit | secondary |")
    out.append("|---|---|---|---|---|---|")
    scores = {}
    for name in sorted(os.listdir(bench_dir)):
        if not name.endswith(".json") or name in ("machine.json", "memory.json"):
            continue
        data = load(os.path.join(bench_dir, name))
        if not isinstance(data, list):
            continue
        for b in data:
            short = b["benchmark"].rsplit(".", 2)[-2] + "." + b["benchmark"].rsplit(".", 1)[-1]
            params = ", ".join("%s=%s" % kv for kv in sorted((b.get("params") or {}).items()))
            pm = b["primaryMetric"]
            sec = "; ".join("%s %.4g" % (k, v["score"]) for k, v in (b.get("secondaryMetrics") or {}).items())
            out.append("| %s | %s | %.4g | %s | %s | %s |" % (short, params, pm["score"],
                                                             error(pm.get("scoreError")),
                                                             pm["scoreUnit"], sec))
            scores[(short, params)] = pm["score"]
    mem = os.path.join(bench_dir, "memory.json")
    if os.path.exists(mem):
        with open(mem) as f:
            out.append("")
            out.append("`LoopMemory` (the memory group): `%s`" % f.read().strip().replace("\n", " "))
    return out, scores


def error(value):
    """JMH's score error, blank where it has none (fewer than three iterations: NaN, written as a string)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return ""
    return "" if v != v else "%.3g" % v


def main():
    results = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "results")
    target = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(HERE), "docs", "performance.md")
    cmp = load(os.path.join(results, "compare.json"))
    cmp_lines, targets = compare_section(cmp)
    busy = cmp is not None and not load1((cmp.get("machine") or {}).get("loadavg_before")) <= 1.0
    bench_lines, scores = bench_section(os.path.join(results, "bench"))
    doc = ["# Performance", "",
           "Generated by `python3 glosa-bench/perfdoc.py` from the raw results committed in `glosa-bench/results/`; "
           "edit that script, not this file. Every figure below is from those files; a claim they do not support is "
           "not made.", ""]
    if busy:
        doc += ["**PROVISIONAL.** The committed `compare.sh` run was measured while the machine was busy (load average "
                "%s at its start): its figures and verdicts are not final; rerun `glosa-bench/compare.sh --save` on a "
                "quiet machine and regenerate." % cmp["machine"]["loadavg_before"], ""]
    doc += ["## Targets", ""]
    doc.append("| target | measured | verdict |")
    doc.append("|---|---|---|")
    for r in targets:
        doc.append("| %s against %s: ratio ≥ %.3g× | %.2f× (%s ms against %s ms) | %s |" % (
            r["task"], r["other"], r["target"], r["ratio"], ms(r["other_ms"]), ms(r["glosa_ms"]),
            r["verdict"] + (" (provisional)" if busy else "")))
    def loop_score(name):
        return scores.get(("LoopBenchmark." + name, "segments=1000, threads=all"))

    loop = loop_score("loop")
    for what, mine, other in (("per-segment loop against the same loop on ELKI", "loop", "loopElki"),
                               ("k selection only against the same on ELKI k-means", "selection", "elki")):
        a, b = loop_score(mine), loop_score(other)
        if a and b:
            doc.append("| %s (JMH `%s` / `%s`, 1,000 segments): ratio ≥ 3× | %.2f× (%.2f s against %.2f s) | %s |" % (
                what, mine, other, b / a, b, a, "met" if b / a >= 3 else "MISSED"))
        else:
            doc.append("| %s (JMH `%s` / `%s`): ratio ≥ 3× | no committed `loop` group run | |" % (what, mine, other))
    scalar = scores.get(("LoopBenchmark.loopScalar", "segments=1000, threads=all"))
    if loop and scalar:
        doc += ["", "What an embedder gains by starting the JVM with `--add-modules jdk.incubator.vector` (as `bin/glosa` "
                "does): the same loop with the k-means engine's vector path switched off (JMH `loopScalar`) takes "
                "%.2f s against %.2f s with it, %.2f× as long, for the same results to the bit." % (
                    scalar, loop, scalar / loop)]
    doc += ["", "## Side by side: `glosa-bench/compare.sh`", "",
            "One generated data set written to CSV and run through scikit-learn, the library and (with the system's "
            "`cc`) a plain Lloyd kernel in C (`glosa-bench/lloyd.c`: structure of arrays, blocks of 8 points, "
            "OpenMP), from the same initial centres. A ratio is reported only where both sides found the same "
            "structure (same cluster count, same noise count, ARI between their labels ≥ 0.99, the planted blobs "
            "recovered where they are separable); otherwise the row says NOT COMPARABLE. The time per k-means "
            "iteration is the cost of one more iteration on every side: a full run minus a run stopped after one "
            "iteration, divided by the iterations in between, the median of nine such pairs on each side (the C kernel: "
            "the median iteration). Each task group "
            "runs in a JVM of its own, as JMH forks one per benchmark (the ELKI side of the loop in its own too), and "
            "each loop figure is the median of three runs after ten warm-up runs (about the work of the JMH loop "
            "benchmark's warm-up iteration), on both sides.", ""]
    doc += cmp_lines
    doc += ["", "## JMH: `glosa-bench/bench.sh`", ""]
    doc += bench_lines
    ab = os.path.join(results, "kernel-ab.txt")
    if os.path.exists(ab):
        doc += ["", "## The two paths of the k-means engine, A/B (`results/kernel-ab.txt`)", ""]
        with open(ab) as f:
            doc += ["    " + line.rstrip("\n") for line in f]
    doc += ["", "## Where the loop's time goes", ""]
    prof = os.path.join(results, "loop-profile.txt")
    if os.path.exists(prof):
        doc.append("From `glosa-bench/profile-loop.sh` (JFR execution samples, `results/loop-profile.txt`):")
        doc.append("")
        with open(prof) as f:
            doc += ["    " + line.rstrip("\n") for line in f]
    else:
        doc.append("No committed profile (`glosa-bench/profile-loop.sh` writes `results/loop-profile.txt`).")
    doc += ["", "## How the k-means kernel is built", "",
            "Hamerly's bounds decide which points need their distances. On the Vector API path "
            "(`--add-modules jdk.incubator.vector`, as `bin/glosa`, the benchmark forks and the tests run) every step "
            "takes a vector's width of points at a time (8 doubles with AVX-512): the first test loosens the bounds "
            "of 8 points at once and lists the ones that fail through a table indexed by their lanes' bits; the "
            "failing points are then gathered 8 at a time, one point per lane, their distances to every centre "
            "computed at once, their bounds tested again and written back by scatter, and only the points that "
            "change cluster leave the vectors; the seeding's candidate distances and each new seed's nearest and "
            "second nearest run on a transposed copy of the points. Every distance is summed in the scalar order of "
            "operations (no fused multiply-add), so labels, centres and inertia are the scalar engine's to the bit "
            "(`VectorKernelTests`, on 1 to 3 threads, with and without the module). Java 17's Vector API allocates "
            "a mask object for every comparison whose mask is combined with another (`and`, `or`, `andNot` are not "
            "compiled to instructions there), so the kernel only ever blends with a comparison's mask. "
            "`glosaExactScalar` and `loopScalar` run the same work with the vector path switched off "
            "(`-Dglosa.kmeans.vector=false`).", ""]
    scale = os.path.join(results, "spark-scale.txt")
    if os.path.exists(scale):
        doc += ["## The core and glosa-spark at scale: `glosa-spark/measure-scale.sh`", "",
                "Generated SIH files of 4 to 16 states (1 M AIHs each; 12 states are a national year), the core "
                "(`bin/glosa sus`) and glosa-spark in local mode (`bin/glosa-spark sus`, driver and executor in one "
                "JVM) one after the other on the same files; from the lines the script printed, committed in "
                "`results/spark-scale.txt` (how the data is generated, and what the figures say: `docs/spark.md`, "
                "\"Measured\"). Rows per second are the rows read (RD + RJ + ER) over the wall time; \"same tables\" "
                "compares `fact_glosa`, `dim_segment`, `dim_group`, `indicators` and `group_state` byte for byte with "
                "the other tool's last output of the same set.", ""]
        doc += scale_table(scale)
        doc.append("")
    doc += ["## Measured elsewhere", "",
            "- The quality of the groups on planted data with light and heavy tails (planted k found, ARI, outliers set "
            "aside), against the reference approach: `docs/quality.md`.", ""]
    with open(target, "w") as f:
        f.write("\n".join(doc))
    print("wrote %s" % target)


if __name__ == "__main__":
    main()
