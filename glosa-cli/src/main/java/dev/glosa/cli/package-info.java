/**
 * The {@code glosa} command line: one command per source provider found on the class path, {@code fetch} and
 * {@code inspect}; each parses its arguments, builds a run request, calls the weekly job and prints.
 */
package dev.glosa.cli;
