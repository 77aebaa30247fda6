/**
 * Deterministic generators of realistic glosa data: SIH-like RD, RJ and ER tables and ERP-like glosa lines with
 * planted groups, used by demos, tests and benchmarks.
 */
package dev.glosa.io.generate;
