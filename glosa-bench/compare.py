"""The scikit-learn half of glosa-bench/compare.sh, and the final table of ratios.

    compare.py sklearn DIR     run every task through scikit-learn on DIR's CSV files, write DIR/sklearn.json
    compare.py report DIR      print the table of ratios from DIR/sklearn.json, DIR/glosa.json and DIR/c.json (if
                               present), and write it with the checks to DIR/report.json

A ratio is reported only where both sides found the same structure: the same cluster count, the same noise count
(DBSCAN), an adjusted Rand index between their labels of at least 0.99, and, where the data has planted groups, both
recovering them (ARI against the planted labels reported); otherwise the row says NOT COMPARABLE and why.

The tasks mirror dev.glosa.bench.Compare: k-means (Lloyd, from the library's initial centres, one init), DBSCAN,
Ward, the model-selection criteria, and the reference approach of the private-hospital project over segments (per
segment: z-score, KMeans for k = 2 .. min(15, n-1) - 1 with the default n_init, exact silhouette, keep the best k, refit
with another seed). Times are medians of wall-clock runs, in milliseconds.
"""
import json
import os
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import DBSCAN, AgglomerativeClustering, KMeans
from sklearn.metrics import (adjusted_rand_score, calinski_harabasz_score, davies_bouldin_score,
                             silhouette_score)


def props(d):
    out = {}
    with open(os.path.join(d, "tasks.properties")) as f:
        for line in f:
            if "=" in line:
                k, v = line.strip().split("=", 1)
                out[k] = v
    return out


def load(d, name):
    return np.loadtxt(os.path.join(d, name), delimiter=",", dtype=np.float64, ndmin=2)


def timed(repeats, fn):
    ms = []
    result = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        ms.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(ms), result


def log(task, out):
    mine = {k: v for k, v in out.items() if k.startswith(task) or task == "criteria" and k.endswith(("_ms", "_score"))
            and not k.startswith(("kmeans", "dbscan", "ward", "loop"))}
    print("sklearn %s: %s" % (task, json.dumps(mine)), flush=True)


def reference_segment(x, seed):
    """The reference approach's per-segment step, as the private-hospital project runs it: z-score the features, try
    k = 2..14 with scikit-learn's KMeans (10 inits each), keep the k of the best exact silhouette, then fit that k once
    more with the seed. docs/quality.md compares its groups with glosa's; this measures its time."""
    n = len(x)
    if n == 0:
        return 0
    if n < 2:
        return 1
    sd = x.std(axis=0)
    z = (x - x.mean(axis=0)) / np.where(sd > 0, sd, 1.0)
    best_k, best_s = 1, -2.0
    for k in range(2, min(15, n - 1)):
        labels = KMeans(n_clusters=k, n_init=10).fit_predict(z)
        if len(set(labels)) < 2:
            continue
        s = silhouette_score(z, labels)
        if s > best_s:
            best_k, best_s = k, s
    if best_k > 1:
        KMeans(n_clusters=best_k, n_init=10, random_state=seed).fit_predict(z)
    return best_k


def run_sklearn(d):
    p = props(d)
    reps = int(p["repeats"])
    k = int(p["k"])
    out = {"sklearn": sklearn.__version__, "numpy": np.__version__, "threads": os.cpu_count()}

    x = load(d, "kmeans.csv")
    init = load(d, "kmeans_init.csv")
    km = {}

    def fit_kmeans(max_iter=int(p["kmeans_max_iter"])):
        m = KMeans(n_clusters=k, init=init, n_init=1, algorithm="lloyd", max_iter=max_iter,
                   tol=float(p["kmeans_tol"]))
        m.fit(x)
        if max_iter > 1:
            km["it"] = m.n_iter_
            km["inertia"] = m.inertia_
            km["labels"] = m.labels_

    fit_kmeans()  # first call loads and warms up the OpenMP runtime
    # more timed runs than the other tasks, as on the library's side: the time per iteration is a difference of two
    kreps = int(p.get("kmeans_repeats", reps))
    ms, _ = timed(kreps, fit_kmeans)
    # the cost of one more iteration, as for the library: a full fit against a fit stopped after one iteration
    first_ms, _ = timed(kreps, lambda: fit_kmeans(1))
    out.update(kmeans_ms=ms, kmeans_iterations=int(km["it"]), kmeans_inertia=float(km["inertia"]),
               kmeans_first_iteration_ms=first_ms,
               kmeans_ms_per_iteration=(ms - first_ms) / max(1, km["it"] - 1),
               kmeans_clusters=int(len(set(km["labels"].tolist()))))
    np.savetxt(os.path.join(d, "kmeans_sklearn_labels.csv"), km["labels"], fmt="%d")
    log("kmeans", out)
    del x

    x = load(d, "dbscan.csv")
    db = {}

    def fit_dbscan():
        labels = DBSCAN(eps=float(p["dbscan_eps"]), min_samples=int(p["dbscan_min_samples"])).fit_predict(x)
        db["clusters"] = int(labels.max() + 1)
        db["noise"] = int((labels < 0).sum())
        db["labels"] = labels

    ms, _ = timed(1, fit_dbscan)
    out.update(dbscan_ms=ms, dbscan_clusters=db["clusters"], dbscan_noise=db["noise"])
    np.savetxt(os.path.join(d, "dbscan_sklearn_labels.csv"), db["labels"], fmt="%d")
    log("dbscan", out)
    del x

    x = load(d, "ward.csv")
    wl = {}

    def fit_ward():
        wl["labels"] = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(x)

    ms, _ = timed(1 if len(x) > 10000 else reps, fit_ward)
    out.update(ward_ms=ms)
    np.savetxt(os.path.join(d, "ward_sklearn_labels.csv"), wl["labels"], fmt="%d")
    log("ward", out)
    del x

    c = load(d, "criteria.csv")
    x, labels = c[:, :-1], c[:, -1].astype(np.int64)
    sample = int(p["criteria_sample"])
    crit = [
        ("silhouette_exact", lambda: silhouette_score(x, labels)),
        ("silhouette_sampled", lambda: silhouette_score(x, labels, sample_size=sample, random_state=0)),
        ("calinski_harabasz", lambda: calinski_harabasz_score(x, labels)),
        ("davies_bouldin", lambda: davies_bouldin_score(x, labels)),
    ]
    for name, fn in crit:
        fn()
        ms, score = timed(max(5, reps), fn)
        out[name + "_ms"] = ms
        out[name + "_score"] = float(score)
    log("criteria", out)

    s = load(d, "segments.csv")
    seg = s[:, -1].astype(np.int64)
    feats = s[:, :-1]
    bounds = np.flatnonzero(np.diff(seg)) + 1
    parts = np.split(feats, bounds)
    planted = {}
    with open(os.path.join(d, "segments_planted_k.csv")) as f:
        for line in f:
            a, b = line.strip().split(",")
            planted[int(a)] = int(b)
    chosen = []

    def loop():
        chosen.clear()
        for i, part in enumerate(parts):
            chosen.append(reference_segment(part, 1000 + i))

    ms, _ = timed(1, loop)
    out.update(loop_reference_ms=ms, loop_segments=len(parts), loop_rows=int(len(feats)),
               loop_reference_planted_k_share=sum(1 for i, kk in enumerate(chosen) if planted.get(i) == kk)
               / len(parts))
    log("loop", out)

    with open(os.path.join(d, "sklearn.json"), "w") as f:
        json.dump(out, f, indent=2)


def labels(d, name):
    path = os.path.join(d, name)
    return np.loadtxt(path, dtype=np.int64) if os.path.exists(path) else None


def ari(a, b):
    return float(adjusted_rand_score(a, b)) if a is not None and b is not None else float("nan")


def report(d):
    with open(os.path.join(d, "sklearn.json")) as f:
        sk = json.load(f)
    with open(os.path.join(d, "glosa.json")) as f:
        gl = json.load(f)
    c = None
    if os.path.exists(os.path.join(d, "c.json")):
        with open(os.path.join(d, "c.json")) as f:
            c = json.load(f)
    rows = []
    checks = {}
    km_truth = labels(d, "kmeans_truth.csv")
    km_gl, km_sk, km_c = (labels(d, "kmeans_%s_labels.csv" % s) for s in ("glosa", "sklearn", "c"))
    checks["kmeans_ari_glosa_sklearn"] = ari(km_gl, km_sk)
    checks["kmeans_ari_glosa_c"] = ari(km_gl, km_c)
    checks["kmeans_ari_glosa_planted"] = ari(km_gl, km_truth)
    checks["kmeans_ari_sklearn_planted"] = ari(km_sk, km_truth)
    db_truth = labels(d, "dbscan_truth.csv")
    db_gl, db_sk = labels(d, "dbscan_glosa_labels.csv"), labels(d, "dbscan_sklearn_labels.csv")
    checks["dbscan_ari_glosa_sklearn"] = ari(db_gl, db_sk)
    checks["dbscan_ari_glosa_planted"] = ari(db_gl, db_truth)
    checks["dbscan_ari_sklearn_planted"] = ari(db_sk, db_truth)
    checks["dbscan_planted_clusters"] = int(db_truth.max() + 1) if db_truth is not None else None
    checks["ward_ari_glosa_sklearn"] = ari(labels(d, "ward_glosa_labels.csv"), labels(d, "ward_sklearn_labels.csv"))

    def same_kmeans(other_labels, other_name):
        a = ari(km_gl, other_labels)
        return (None if a >= 0.99 else "ARI glosa/%s %.4f < 0.99" % (other_name, a))

    def add(task, other_name, other_ms, glosa_ms, note="", target=None, problem=None):
        ratio = other_ms / glosa_ms if glosa_ms else float("nan")
        if problem:
            verdict, note = "NOT COMPARABLE", problem + "; " + note
        else:
            verdict = "" if target is None else ("met" if ratio >= target else "MISSED")
        rows.append(dict(task=task, other=other_name, other_ms=other_ms, glosa_ms=glosa_ms, ratio=ratio,
                         target=target, verdict=verdict, note=note))

    km_note = "k %d/%d, ARI glosa/sklearn %.4f, vs planted %.3f/%.3f" % (
        gl["kmeans_clusters"], sk["kmeans_clusters"], checks["kmeans_ari_glosa_sklearn"],
        checks["kmeans_ari_glosa_planted"], checks["kmeans_ari_sklearn_planted"])
    km_problem = same_kmeans(km_sk, "sklearn") or (
        None if gl["kmeans_clusters"] == sk["kmeans_clusters"] else "cluster counts differ")
    add("k-means total (from same init, 1 run)", "sklearn lloyd", sk["kmeans_ms"], gl["kmeans_ms"],
        "iterations %d vs %d; glosa time includes its seeding; %s" % (
            sk["kmeans_iterations"], gl["kmeans_iterations"], km_note), problem=km_problem)
    add("k-means ms per iteration", "sklearn lloyd", sk["kmeans_ms_per_iteration"], gl["kmeans_ms_per_iteration"],
        "both: (total - run stopped after 1 iteration) / (iterations - 1); vector path %s" % (
            "on" if gl.get("vector_module") else "OFF"), 1.2, problem=km_problem)
    if c is not None:
        add("k-means ms per iteration", "C lloyd (yardstick)", c["c_lloyd_ms_per_iteration"],
            gl["kmeans_ms_per_iteration"], "%s, %d threads, %d iterations; target: glosa within 1.5x of C" % (
                c.get("c_compiler", "cc"), c["c_lloyd_threads"], c["c_lloyd_iterations"]), 1 / 1.5,
            problem=same_kmeans(km_c, "C"))
    db_problem = None
    if sk["dbscan_clusters"] != gl["dbscan_clusters"] or sk["dbscan_noise"] != gl["dbscan_noise"]:
        db_problem = "clusters or noise differ"
    elif checks["dbscan_ari_glosa_sklearn"] < 0.99:
        db_problem = "ARI glosa/sklearn %.4f < 0.99" % checks["dbscan_ari_glosa_sklearn"]
    elif checks["dbscan_planted_clusters"] is not None and gl["dbscan_clusters"] != checks["dbscan_planted_clusters"]:
        db_problem = "%d clusters found, %d blobs planted" % (gl["dbscan_clusters"], checks["dbscan_planted_clusters"])
    add("DBSCAN", "sklearn", sk["dbscan_ms"], gl["dbscan_ms"],
        "clusters %d/%d, noise %d/%d (sklearn/glosa), ARI vs planted %.4f/%.4f" % (
            sk["dbscan_clusters"], gl["dbscan_clusters"], sk["dbscan_noise"], gl["dbscan_noise"],
            checks["dbscan_ari_sklearn_planted"], checks["dbscan_ari_glosa_planted"]), 10.0, problem=db_problem)
    wa = checks["ward_ari_glosa_sklearn"]
    add("Ward, cut at k", "sklearn", sk["ward_ms"], gl["ward_ms"],
        "ARI vs sklearn %.4f%s" % (wa, "" if gl.get("ward_exact", True) else ", glosa approximate"),
        problem=None if wa >= 0.99 else "ARI glosa/sklearn %.4f < 0.99" % wa)
    for cr in ("silhouette_exact", "silhouette_sampled", "calinski_harabasz", "davies_bouldin"):
        a, b = sk[cr + "_score"], gl[cr + "_score"]
        # The sampled silhouette draws different samples on each side: close, not equal.
        tol = 0.05 if cr == "silhouette_sampled" else 1e-9
        add(cr.replace("_", " "), "sklearn", sk[cr + "_ms"], gl[cr + "_ms"], "score %.6g / %.6g" % (a, b),
            problem=None if abs(a - b) <= tol * max(1.0, abs(a)) else "scores differ")
    share = sk["loop_reference_planted_k_share"], gl["loop_glosa_planted_k_share"], gl["loop_elki_planted_k_share"]
    # The segments overlap on purpose: neither side finds every planted k; both must find it about as often.
    loop_problem = None if abs(share[0] - share[1]) <= 0.15 else "planted k found %.0f%% vs %.0f%%" % (
        100 * share[0], 100 * share[1])
    elki_problem = None if abs(share[2] - share[1]) <= 0.15 else "planted k found %.0f%% (ELKI) vs %.0f%%" % (
        100 * share[2], 100 * share[1])
    add("per-segment loop, all cores", "reference (sklearn)", sk["loop_reference_ms"], gl["loop_full_all_cores_ms"],
        "SegmentLoop (with profiles); %d segments, %d rows" % (sk["loop_segments"], sk["loop_rows"]), 30.0,
        problem=loop_problem)
    add("per-segment loop, first run", "reference (sklearn)", sk["loop_reference_ms"],
        gl["loop_full_all_cores_first_run_ms"], "all cores, the loop's first run in this JVM, no warm-up",
        problem=loop_problem)
    add("per-segment loop, one core", "reference (sklearn)", sk["loop_reference_ms"], gl["loop_full_one_core_ms"],
        "the reference itself runs KMeans on all cores", problem=loop_problem)
    add("per-segment loop, all cores", "same loop, elki-kmeans", gl["loop_full_elki_all_cores_ms"],
        gl["loop_full_all_cores_ms"], "SegmentLoop with the library's ELKI backend as strategy; groups %d/%d" % (
            gl.get("loop_full_elki_groups", -1), gl["loop_full_groups"]), 3.0, problem=elki_problem)
    add("k selection only, all cores", "reference (sklearn)", sk["loop_reference_ms"], gl["loop_glosa_all_cores_ms"],
        "planted k found %.0f%% (reference) / %.0f%% (glosa)" % (100 * share[0], 100 * share[1]),
        problem=loop_problem)
    add("k selection only, exact silhouette", "reference (sklearn)", sk["loop_reference_ms"],
        gl["loop_glosa_silhouette_all_cores_ms"], "the reference's criterion; planted k found %.0f%% (glosa)" % (
            100 * gl["loop_glosa_silhouette_planted_k_share"]), problem=loop_problem)
    add("k selection only, all cores", "same on ELKI k-means", gl["loop_elki_all_cores_ms"],
        gl["loop_glosa_all_cores_ms"], "ELKI planted k %.0f%%; same criterion" % (100 * share[2]), 3.0,
        problem=elki_problem)

    print()
    print("scikit-learn %s, numpy %s, Java %s, %s cores" % (sk["sklearn"], sk["numpy"], gl["java"], gl["cores"]))
    if c is None:
        print("no C yardstick: no C compiler (cc) on this machine")
    fmt = "%-38s %-20s %11s %11s %8s %7s %-14s %s"
    print(fmt % ("task", "vs", "other ms", "glosa ms", "ratio", "target", "", "notes"))
    for r in rows:
        tg = r["target"]
        print(fmt % (r["task"], r["other"], "%.1f" % r["other_ms"], "%.1f" % r["glosa_ms"], "%.2fx" % r["ratio"],
                     "" if tg is None else ">=%.3gx" % tg, r["verdict"], r["note"]))
    print("ratio = other time / glosa time (above 1: glosa faster)")
    with open(os.path.join(d, "report.json"), "w") as f:
        machine = None
        if os.path.exists(os.path.join(d, "machine.json")):
            with open(os.path.join(d, "machine.json")) as m:
                machine = json.load(m)
        json.dump({"machine": machine, "sklearn": sk, "glosa": gl, "c": c, "checks": checks, "rows": rows}, f,
                  indent=2)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("sklearn", "report"):
        print(__doc__)
        sys.exit(2)
    if sys.argv[1] == "sklearn":
        run_sklearn(sys.argv[2])
    else:
        report(sys.argv[2])
