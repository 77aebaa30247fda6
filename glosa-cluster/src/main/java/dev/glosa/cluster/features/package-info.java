/**
 * From table rows to a {@link dev.glosa.cluster.spi.FeatureMatrix}: numeric transforms, categorical encodings,
 * weights, missing values, and the inverse mapping back to the table's units.
 */
package dev.glosa.cluster.features;
