/**
 * Fetching SIH files from DATASUS: {@link dev.glosa.io.datasus.DatasusFiles#fetch} takes a
 * {@link dev.glosa.io.datasus.FetchRequest} (files named by {@link dev.glosa.io.datasus.SihFileName}, mirrors, cache)
 * and returns a {@link dev.glosa.io.datasus.FetchResult} of whole, CRC-checked local files; see
 * {@code docs/fetching.md}.
 */
package dev.glosa.io.datasus;
