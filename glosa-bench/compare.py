"""The scikit-learn half of glosa-bench/compare.sh, and the final table of ratios.

    compare.py sklearn DIR     run every task through scikit-learn on DIR's CSV files, write DIR/sklearn.json
    compare.py report DIR      print the table of ratios from DIR/sklearn.json and DIR/glosa.json

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
    """The private-hospital project's per-segment step (DOMAIN.md), as it runs it."""
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

    fit_kmeans()  # first call loads and warms up the OpenMP runtime
    ms, _ = timed(reps, fit_kmeans)
    # the cost of one more iteration, as for the library: a full fit against a fit stopped after one iteration
    first_ms, _ = timed(reps, lambda: fit_kmeans(1))
    out.update(kmeans_ms=ms, kmeans_iterations=int(km["it"]), kmeans_inertia=float(km["inertia"]),
               kmeans_first_iteration_ms=first_ms,
               kmeans_ms_per_iteration=(ms - first_ms) / max(1, km["it"] - 1))
    log("kmeans", out)
    del x

    x = load(d, "dbscan.csv")
    db = {}

    def fit_dbscan():
        labels = DBSCAN(eps=float(p["dbscan_eps"]), min_samples=int(p["dbscan_min_samples"])).fit_predict(x)
        db["clusters"] = int(labels.max() + 1)
        db["noise"] = int((labels < 0).sum())

    ms, _ = timed(1, fit_dbscan)
    out.update(dbscan_ms=ms, dbscan_clusters=db["clusters"], dbscan_noise=db["noise"])
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


def report(d):
    with open(os.path.join(d, "sklearn.json")) as f:
        sk = json.load(f)
    with open(os.path.join(d, "glosa.json")) as f:
        gl = json.load(f)
    rows = []
    ward_ari = float(adjusted_rand_score(np.loadtxt(os.path.join(d, "ward_glosa_labels.csv"), dtype=np.int64),
                                         np.loadtxt(os.path.join(d, "ward_sklearn_labels.csv"), dtype=np.int64)))

    def add(task, other_name, other_ms, glosa_ms, note="", target=None):
        ratio = other_ms / glosa_ms if glosa_ms else float("nan")
        verdict = "" if target is None else ("met" if ratio >= target else "MISSED")
        rows.append((task, other_name, other_ms, glosa_ms, ratio, target, verdict, note))

    add("k-means total (from same init, 1 run)", "sklearn lloyd", sk["kmeans_ms"], gl["kmeans_ms"],
        "iterations %d vs %d; glosa time includes its seeding" % (sk["kmeans_iterations"], gl["kmeans_iterations"]))
    add("k-means ms per iteration", "sklearn lloyd", sk["kmeans_ms_per_iteration"], gl["kmeans_ms_per_iteration"],
        "both: (total - run stopped after 1 iteration) / (iterations - 1)", 1.0)
    add("DBSCAN", "sklearn", sk["dbscan_ms"], gl["dbscan_ms"],
        "clusters %d/%d, noise %d/%d (sklearn/glosa)" % (sk["dbscan_clusters"], gl["dbscan_clusters"],
                                                       sk["dbscan_noise"], gl["dbscan_noise"]), 10.0)
    add("Ward, cut at k", "sklearn", sk["ward_ms"], gl["ward_ms"],
        "ARI vs sklearn %.4f%s" % (ward_ari, "" if gl.get("ward_exact", True) else ", glosa approximate"))
    for c in ("silhouette_exact", "silhouette_sampled", "calinski_harabasz", "davies_bouldin"):
        add(c.replace("_", " "), "sklearn", sk[c + "_ms"], gl[c + "_ms"],
            "score %.6g / %.6g" % (sk[c + "_score"], gl[c + "_score"]))
    add("per-segment loop, all cores", "reference (sklearn)", sk["loop_reference_ms"], gl["loop_full_all_cores_ms"],
        "SegmentLoop (with profiles); %d segments, %d rows" % (sk["loop_segments"], sk["loop_rows"]), 30.0)
    add("per-segment loop, first run", "reference (sklearn)", sk["loop_reference_ms"],
        gl["loop_full_all_cores_first_run_ms"], "all cores, the loop's first run in this JVM, no warm-up")
    add("per-segment loop, one core", "reference (sklearn)", sk["loop_reference_ms"], gl["loop_full_one_core_ms"],
        "the reference itself runs KMeans on all cores")
    add("per-segment loop, all cores", "same loop, elki-kmeans", gl["loop_full_elki_all_cores_ms"],
        gl["loop_full_all_cores_ms"], "SegmentLoop with the library's ELKI backend as strategy", 3.0)
    add("k selection only, all cores", "reference (sklearn)", sk["loop_reference_ms"], gl["loop_glosa_all_cores_ms"],
        "planted k found %.0f%% (reference) / %.0f%% (glosa)" % (
            100 * sk["loop_reference_planted_k_share"], 100 * gl["loop_glosa_planted_k_share"]))
    add("k selection only, exact silhouette", "reference (sklearn)", sk["loop_reference_ms"],
        gl["loop_glosa_silhouette_all_cores_ms"], "the reference's criterion; planted k found %.0f%% (glosa)" % (
            100 * gl["loop_glosa_silhouette_planted_k_share"]))
    add("k selection only, all cores", "same on ELKI k-means", gl["loop_elki_all_cores_ms"],
        gl["loop_glosa_all_cores_ms"], "ELKI planted k %.0f%%; same criterion" % (
            100 * gl["loop_elki_planted_k_share"]), 3.0)

    print()
    print("scikit-learn %s, numpy %s, Java %s, %s cores" % (sk["sklearn"], sk["numpy"], gl["java"], gl["cores"]))
    head = ("task", "vs", "other ms", "glosa ms", "ratio", "target", "", "notes")
    fmt = "%-38s %-20s %11s %11s %8s %7s %-6s %s"
    print(fmt % head)
    for t, o, om, gm, r, tg, v, n in rows:
        print(fmt % (t, o, "%.1f" % om, "%.1f" % gm, "%.2fx" % r, "" if tg is None else ">=%gx" % tg, v, n))
    print("ratio = other time / glosa time (above 1: glosa faster)")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("sklearn", "report"):
        print(__doc__)
        sys.exit(2)
    if sys.argv[1] == "sklearn":
        run_sklearn(sys.argv[2])
    else:
        report(sys.argv[2])
