/**
 * Runnable examples and the glosa command line.
 */
package dev.glosa.examples;
