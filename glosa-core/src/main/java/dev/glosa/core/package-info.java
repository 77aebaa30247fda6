/**
 * The glosa domain model and its rules; this module knows no file format and no algorithm library.
 */
package dev.glosa.core;
