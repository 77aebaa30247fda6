/**
 * DATASUS SIH files: layout recognition for RD, RJ, ER and SP of every era, mapping to the canonical role
 * columns ({@link dev.glosa.io.sih.SihReader}), parallel reading of many files, the ER-to-RJ join that gives
 * each rejected claim its error codes and glosa type ({@link dev.glosa.io.sih.SihRejections},
 * {@link dev.glosa.io.sih.SihErrorCodes}), and file inspection ({@link dev.glosa.io.sih.FileInspector}).
 */
package dev.glosa.io.sih;
