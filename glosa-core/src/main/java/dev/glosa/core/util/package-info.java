/**
 * Primitive collections the library's hot paths share; public for the other glosa modules, not a stable API.
 */
package dev.glosa.core.util;
