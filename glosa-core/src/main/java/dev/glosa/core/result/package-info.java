/**
 * Plain result types that the clustering and the writers share: per-row assignments and group profiles.
 */
package dev.glosa.core.result;
