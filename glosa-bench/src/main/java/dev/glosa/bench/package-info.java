/**
 * JMH benchmarks of the glosa kernels and of the per-segment loop.
 */
package dev.glosa.bench;
