/**
 * Runnable examples: thin callers of the weekly job and a clustering strategy of one's own.
 */
package dev.glosa.examples;
