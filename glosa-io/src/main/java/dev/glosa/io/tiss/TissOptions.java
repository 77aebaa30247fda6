package dev.glosa.io.tiss;

import java.nio.file.Path;

/**
 * How {@link TissReader} reads: the reason-code table, the glosa types, the competence month, schema validation and
 * the tolerance of the totals check.
 *
 * @param tabela38 the reason-code table giving each code its group and description
 * @param glosaTypes the mapping from group (or code) to glosa type
 * @param competence which date gives the {@code competence} month
 * @param validation whether files are validated against the TISS schemas first
 * @param schemaDirectory the folder holding the ANS XSDs ({@code tissV4_01_00.xsd}, ...), required unless
 *     {@code validation} is {@link Validation#NONE}
 * @param totalsTolerance the largest difference, in reais, between a declared total and the sum of its rows that is
 *     not reported; {@code 0} reports any difference of a cent or more
 * @param itemsWithoutGlosa whether items without any glosa become rows (so that billed amounts are complete)
 * @param maxWarnings the most warnings the report keeps; later ones are only counted
 */
public record TissOptions(
        Tabela38 tabela38,
        GlosaTypeMapping glosaTypes,
        Competence competence,
        Validation validation,
        Path schemaDirectory,
        double totalsTolerance,
        boolean itemsWithoutGlosa,
        int maxWarnings) {

    /** Which date of a demonstrativo gives a row's competence month. */
    public enum Competence {
        /** The protocol date ({@code dataProtocolo}), when the bill was received; the statement date if absent. */
        PROTOCOL_DATE,
        /** The statement's issue date ({@code dataEmissao}); the protocol date if absent. */
        STATEMENT_DATE
    }

    /** Whether files are validated against the ANS schemas before they are read. */
    public enum Validation {
        /** No validation (the reader still checks everything it reads). */
        NONE,
        /** Schema errors are reported; the file is read anyway. */
        REPORT,
        /** A schema error stops the run with a {@link TissFormatException}. */
        STRICT
    }

    /**
     * Checks every option.
     *
     * @param tabela38 as {@link #tabela38()}; {@code null} for its default
     * @param glosaTypes as {@link #glosaTypes()}; {@code null} for its default
     * @param competence as {@link #competence()}; {@code null} for its default
     * @param validation as {@link #validation()}; {@code null} for its default
     * @param schemaDirectory as {@link #schemaDirectory()}; {@code null} for its default
     * @param totalsTolerance as {@link #totalsTolerance()}
     * @param itemsWithoutGlosa as {@link #itemsWithoutGlosa()}
     * @param maxWarnings as {@link #maxWarnings()}
     */
    public TissOptions {
        if (tabela38 == null || glosaTypes == null || competence == null || validation == null) {
            throw new IllegalArgumentException("TISS options need a Tabela 38, a glosa type mapping, a competence "
                    + "source and a validation mode; found null");
        }
        if (validation != Validation.NONE && schemaDirectory == null) {
            throw new IllegalArgumentException("validation " + validation + " needs a schema directory, found null");
        }
        if (!(totalsTolerance >= 0) || Double.isInfinite(totalsTolerance)) {
            throw new IllegalArgumentException(
                    "totals tolerance must be a finite amount >= 0, found " + totalsTolerance);
        }
        if (maxWarnings < 0) {
            throw new IllegalArgumentException("max warnings must be >= 0, found " + maxWarnings);
        }
    }

    /**
     * The defaults: the shipped Tabela 38, the default glosa types, competence from the protocol date, no validation,
     * every cent of difference reported, items without glosa kept, up to 1,000 warnings.
     *
     * @return the default options
     */
    public static TissOptions defaults() {
        return new TissOptions(
                Tabela38.defaultTable(),
                GlosaTypeMapping.defaults(),
                Competence.PROTOCOL_DATE,
                Validation.NONE,
                null,
                0.0,
                true,
                1000);
    }

    /**
     * {@return these options with another reason-code table}
     *
     * @param table the reason-code table
     */
    public TissOptions withTabela38(Tabela38 table) {
        return new TissOptions(
                table,
                glosaTypes,
                competence,
                validation,
                schemaDirectory,
                totalsTolerance,
                itemsWithoutGlosa,
                maxWarnings);
    }

    /**
     * {@return these options with another glosa type mapping}
     *
     * @param mapping the glosa type mapping
     */
    public TissOptions withGlosaTypes(GlosaTypeMapping mapping) {
        return new TissOptions(
                tabela38,
                mapping,
                competence,
                validation,
                schemaDirectory,
                totalsTolerance,
                itemsWithoutGlosa,
                maxWarnings);
    }

    /**
     * {@return these options with another competence source}
     *
     * @param source where the competence month comes from
     */
    public TissOptions withCompetence(Competence source) {
        return new TissOptions(
                tabela38,
                glosaTypes,
                source,
                validation,
                schemaDirectory,
                totalsTolerance,
                itemsWithoutGlosa,
                maxWarnings);
    }

    /**
     * {@return these options validating against the XSDs in {@code schemaDir} (served offline, never fetched)}
     *
     * @param mode whether validation is off, reported or an error
     * @param schemaDir the folder of ANS schemas
     */
    public TissOptions withValidation(Validation mode, Path schemaDir) {
        return new TissOptions(
                tabela38, glosaTypes, competence, mode, schemaDir, totalsTolerance, itemsWithoutGlosa, maxWarnings);
    }

    /**
     * {@return these options with another totals tolerance, in reais}
     *
     * @param tolerance the difference, in reais, reported as a mismatch
     */
    public TissOptions withTotalsTolerance(double tolerance) {
        return new TissOptions(
                tabela38,
                glosaTypes,
                competence,
                validation,
                schemaDirectory,
                tolerance,
                itemsWithoutGlosa,
                maxWarnings);
    }

    /**
     * {@return these options keeping or dropping the items that carry no glosa}
     *
     * @param keep whether items without glosa are kept
     */
    public TissOptions withItemsWithoutGlosa(boolean keep) {
        return new TissOptions(
                tabela38, glosaTypes, competence, validation, schemaDirectory, totalsTolerance, keep, maxWarnings);
    }

    /**
     * {@return these options keeping at most {@code max} warnings}
     *
     * @param max the most warnings kept
     */
    public TissOptions withMaxWarnings(int max) {
        return new TissOptions(
                tabela38, glosaTypes, competence, validation, schemaDirectory, totalsTolerance, itemsWithoutGlosa, max);
    }

    /** The tolerance in whole cents. */
    long toleranceCents() {
        return Math.round(totalsTolerance * 100.0);
    }
}
