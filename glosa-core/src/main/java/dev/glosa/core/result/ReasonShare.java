package dev.glosa.core.result;

/**
 * One reason code of a group and how much of the group's glosa it carries.
 *
 * @param code the reason code (Tabela 38 or {@code CO_ERRO})
 * @param rows the group's rows with that code
 * @param glosaAmount their glosa
 * @param share their share of the group's glosa, in [0, 1]
 */
public record ReasonShare(String code, long rows, double glosaAmount, double share) {}
