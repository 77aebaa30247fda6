/**
 * Reconciliation of rejected and paid claims (SIH RJ × RD): deduplication, the situations A/B/C and their report.
 */
package dev.glosa.core.reconcile;
