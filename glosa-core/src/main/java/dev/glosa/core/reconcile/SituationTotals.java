package dev.glosa.core.reconcile;

/**
 * What one situation holds after reconciliation.
 *
 * @param claims number of claims
 * @param rejectedAmount sum of the rejected amounts of their representative rejected rows
 * @param glosaAmount sum of their glosa
 * @param paidAmount sum of what was paid for them
 */
public record SituationTotals(long claims, double rejectedAmount, double glosaAmount, double paidAmount) {}
