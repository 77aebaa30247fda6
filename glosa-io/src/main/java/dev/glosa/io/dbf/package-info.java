/**
 * dBase III files and the DATASUS {@code .dbc} container: the PKWare DCL implode decoder
 * ({@link dev.glosa.io.dbf.ImplodeInputStream}), a streaming record cursor that parses fields from bytes
 * ({@link dev.glosa.io.dbf.DbfCursor}), a reader into the columnar table ({@link dev.glosa.io.dbf.DbfReader})
 * and a writer ({@link dev.glosa.io.dbf.DbfWriter}).
 *
 * <p>Every problem with a file's content is a {@link dev.glosa.io.dbf.MalformedFileException} naming the file
 * and the byte offset; problems that do not stop a read are listed in its {@link dev.glosa.io.dbf.DbfReadReport}.
 */
package dev.glosa.io.dbf;
