/**
 * Profiles and ranks the groups of a segment: money, shares, rates, feature centres in original units, the
 * categories and reason codes that set each group apart, and a short label an analyst can read at a glance.
 */
package dev.glosa.cluster.profile;
