package dev.glosa.core.result;

/**
 * The criterion's value for one k tried.
 *
 * @param k the number of clusters tried
 * @param quality the criterion's value of the partition found with that k ({@code NaN} when undefined)
 */
public record KScore(int k, double quality) {}
