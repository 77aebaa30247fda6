/**
 * Optional ELKI-backed strategies ({@code elki-kmeans}, {@code elki-dbscan}, {@code elki-hierarchical}).
 *
 * <p>ELKI is licensed AGPL-3.0 and is an optional dependency: these strategies report themselves unavailable, and
 * the registry skips them, when ELKI is not on the class path. No ELKI type appears in their public API.
 */
package dev.glosa.cluster.elki;
