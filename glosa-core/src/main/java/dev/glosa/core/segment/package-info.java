/**
 * Segmentation of a glosa table by key columns (hospital × payer × glosa type by default), with stable segment ids.
 */
package dev.glosa.core.segment;
