/**
 * Byte-level text machinery shared by glosa-io's readers and writers: the dictionary that turns repeated byte strings
 * into category codes, and the one CSV cell codec (quoting and the spreadsheet-formula guard) every written file uses.
 *
 * <p>Public only so that the format packages can share it; it is not part of the library's stable surface.
 */
package dev.glosa.io.text;
