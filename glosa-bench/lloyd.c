/*
 * The machine's own yardstick for glosa-bench/compare.sh: a plain Lloyd k-means kernel in C, structure of arrays,
 * points in blocks of 8 so that a block's distances stay in registers, doubles, OpenMP threads when the compiler
 * has them. It starts from the same initial centres as scikit-learn and glosa and iterates as scikit-learn's Lloyd
 * does (stop when the summed squared centre shift is at most tol times the mean feature variance).
 *
 *   lloyd DATA.csv INIT.csv K MAX_ITER TOL OUT.json LABELS.csv
 *
 * OUT.json: the median wall time of one iteration (assignment + update) in ms, the iterations, the inertia.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#define B 8

static double *read_csv(const char *path, int *rows, int *cols) {
    FILE *f = fopen(path, "r");
    if (!f) { fprintf(stderr, "lloyd: cannot open %s\n", path); exit(2); }
    size_t cap = 1 << 20, len = 0;
    double *v = malloc(cap * sizeof(double));
    int r = 0, c = 0, first_cols = -1;
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        char *p = line, *end;
        c = 0;
        for (;;) {
            double x = strtod(p, &end);
            if (end == p) break;
            if (len == cap) { cap *= 2; v = realloc(v, cap * sizeof(double)); }
            v[len++] = x;
            c++;
            p = end;
            if (*p == ',') p++; else break;
        }
        if (c == 0) continue;
        if (first_cols < 0) first_cols = c;
        else if (c != first_cols) { fprintf(stderr, "lloyd: %s:%d: %d values, expected %d\n", path, r + 1, c, first_cols); exit(2); }
        r++;
    }
    fclose(f);
    *rows = r;
    *cols = first_cols;
    return v;
}

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc != 8) { fprintf(stderr, "usage: lloyd DATA.csv INIT.csv K MAX_ITER TOL OUT.json LABELS.csv\n"); return 2; }
    int n, d, k0, d0;
    double *rowmajor = read_csv(argv[1], &n, &d);
    double *init = read_csv(argv[2], &k0, &d0);
    int k = atoi(argv[3]), max_iter = atoi(argv[4]);
    double tol = atof(argv[5]);
    if (k != k0 || d != d0) { fprintf(stderr, "lloyd: init is %d x %d, expected %d x %d\n", k0, d0, k, d); return 2; }
    int nb = (n + B - 1) / B;
    /* blocks of B points, feature-major inside a block: x[(blk * d + t) * B + lane] */
    double *x = aligned_alloc(64, (size_t) nb * d * B * sizeof(double) + 64);
    memset(x, 0, (size_t) nb * d * B * sizeof(double));
    for (int i = 0; i < n; i++)
        for (int t = 0; t < d; t++) x[((size_t) (i / B) * d + t) * B + i % B] = rowmajor[(size_t) i * d + t];
    double var = 0;
    for (int t = 0; t < d; t++) {
        double m = 0, s = 0;
        for (int i = 0; i < n; i++) m += rowmajor[(size_t) i * d + t];
        m /= n;
        for (int i = 0; i < n; i++) { double u = rowmajor[(size_t) i * d + t] - m; s += u * u; }
        var += s / n;
    }
    double tol_abs = tol * var / d;
    free(rowmajor);
    double *c = malloc(sizeof(double) * k * d), *nc = malloc(sizeof(double) * k * d);
    memcpy(c, init, sizeof(double) * k * d);
    int *label = malloc(sizeof(int) * (size_t) nb * B);
    int threads = 1;
#ifdef _OPENMP
    threads = omp_get_max_threads();
#endif
    double *ms = malloc(sizeof(double) * max_iter);
    double *tsum = calloc((size_t) threads * k * d, sizeof(double));
    long *tcount = calloc((size_t) threads * k, sizeof(long));
    int it = 0;
    double inertia = 0;
    while (it < max_iter) {
        double t0 = now_ms();
        memset(tsum, 0, sizeof(double) * threads * k * d);
        memset(tcount, 0, sizeof(long) * threads * k);
        inertia = 0;
#pragma omp parallel reduction(+:inertia)
        {
            int me = 0;
#ifdef _OPENMP
            me = omp_get_thread_num();
#endif
            double *sum = tsum + (size_t) me * k * d;
            long *count = tcount + (size_t) me * k;
#pragma omp for schedule(static)
            for (int blk = 0; blk < nb; blk++) {
                const double *xb = x + (size_t) blk * d * B;
                double best[B];
                int arg[B];
                for (int l = 0; l < B; l++) { best[l] = INFINITY; arg[l] = 0; }
                for (int j = 0; j < k; j++) {
                    double s[B] = {0};
                    for (int t = 0; t < d; t++) {
                        double cj = c[j * d + t];
                        for (int l = 0; l < B; l++) { double u = xb[t * B + l] - cj; s[l] += u * u; }
                    }
                    for (int l = 0; l < B; l++) if (s[l] < best[l]) { best[l] = s[l]; arg[l] = j; }
                }
                int lanes = blk == nb - 1 ? n - blk * B : B;
                for (int l = 0; l < lanes; l++) {
                    int a = arg[l];
                    label[blk * B + l] = a;
                    inertia += best[l];
                    count[a]++;
                    for (int t = 0; t < d; t++) sum[a * d + t] += xb[t * B + l];
                }
            }
        }
        double shift = 0;
        for (int j = 0; j < k; j++) {
            long cnt = 0;
            for (int th = 0; th < threads; th++) cnt += tcount[th * k + j];
            for (int t = 0; t < d; t++) {
                double s = 0;
                for (int th = 0; th < threads; th++) s += tsum[((size_t) th * k + j) * d + t];
                nc[j * d + t] = cnt ? s / cnt : c[j * d + t];
                double u = nc[j * d + t] - c[j * d + t];
                shift += u * u;
            }
        }
        memcpy(c, nc, sizeof(double) * k * d);
        ms[it++] = now_ms() - t0;
        if (shift <= tol_abs) break;
    }
    FILE *lf = fopen(argv[7], "w");
    for (int i = 0; i < n; i++) fprintf(lf, "%d\n", label[i]);
    fclose(lf);
    double med_src[1024];
    int m = it < 1024 ? it : 1024;
    memcpy(med_src, ms, sizeof(double) * m);
    qsort(med_src, m, sizeof(double), cmp);
    FILE *o = fopen(argv[6], "w");
    fprintf(o, "{\n  \"c_lloyd_ms_per_iteration\": %.4f,\n  \"c_lloyd_iterations\": %d,\n  \"c_lloyd_inertia\": %.10g,\n"
               "  \"c_lloyd_threads\": %d\n}\n", med_src[m / 2], it, inertia, threads);
    fclose(o);
    printf("c lloyd: %.3f ms per iteration (median of %d), %d threads, inertia %.10g\n", med_src[m / 2], it, threads,
           inertia);
    return 0;
}
