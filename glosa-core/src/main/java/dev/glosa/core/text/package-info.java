/**
 * What a person reads, in their language: {@link dev.glosa.core.text.Language} (pt-BR or English),
 * {@link dev.glosa.core.text.Messages} (the resource bundles, money and numbers in that language) and
 * {@link dev.glosa.core.text.KeyNames} (the names of key codes: hospitals, payers, glosa types).
 */
package dev.glosa.core.text;
