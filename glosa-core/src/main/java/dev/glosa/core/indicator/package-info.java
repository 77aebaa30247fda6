/**
 * The glosa indicators: rate by count with its Wilson score interval, value ratio, value recovered.
 */
package dev.glosa.core.indicator;
