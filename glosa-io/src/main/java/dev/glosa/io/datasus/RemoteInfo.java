package dev.glosa.io.datasus;

/**
 * What a mirror says about a file before sending it.
 *
 * @param size the size in bytes
 * @param version what changes when the file is republished: the modification time, or the ETag
 */
record RemoteInfo(long size, String version) {}
