/**
 * Deterministic generators of realistic glosa data: SIH-like RD, RJ and ER tables
 * ({@link dev.glosa.io.generate.SihGenerator}) and ERP-like glosa lines with planted groups
 * ({@link dev.glosa.io.generate.ErpGenerator}), used by demos, tests and benchmarks; and their writers, which turn a
 * sample into the files the readers take: DATASUS-named {@code .dbc}/{@code .dbf} SIH files
 * ({@link dev.glosa.io.generate.SihFiles}) and the reference ERP CSV export ({@link dev.glosa.io.generate.ErpFiles}).
 */
package dev.glosa.io.generate;
