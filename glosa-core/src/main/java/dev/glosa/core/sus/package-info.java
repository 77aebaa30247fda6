/**
 * SUS domain knowledge that is not a file format: the SIGTAP procedure groups and the ICD-10 chapters.
 */
package dev.glosa.core.sus;
