package dev.glosa.io.generate;

import dev.glosa.core.table.GlosaTable;

/**
 * Generated SIH tables: paid claims (RD), rejected claims (RJ) and their errors (ER), with the configuration that
 * made them.
 *
 * @param rd the paid claims, one row per AIH and competence (a long stay has a principal and continuation rows)
 * @param rj the rejected claims, one row per rejection (a claim rejected again appears again in a later month)
 * @param er the errors, one row per error of an RJ row
 * @param config the configuration that generated the tables
 */
public record SihSample(GlosaTable rd, GlosaTable rj, GlosaTable er, SihGeneratorConfig config) {

    /** Checks that no component is null. */
    public SihSample {
        if (rd == null || rj == null || er == null || config == null) {
            throw new IllegalArgumentException("rd, rj, er and config must not be null");
        }
    }
}
