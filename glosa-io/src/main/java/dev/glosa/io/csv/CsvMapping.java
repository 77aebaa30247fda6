package dev.glosa.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Says how to read a CSV export: which column plays which role, which other columns are dimensions, measures, dates
 * or months, and the file's delimiter, charset, number format and tolerated share of rejected rows.
 *
 * <p>Mappings are written as YAML or JSON files; {@link #reference()} is the mapping of the reference private-hospital
 * ERP export, also shipped as {@code examples/config/reference-erp.yaml}. A mapping file looks like:
 * <pre>{@code
 * name: reference-erp
 * delimiter: auto          # auto, ';', ',', '|' or tab
 * charset: auto            # auto (UTF-8 when valid, else windows-1252) or a charset name
 * numberFormat: auto       # auto, pt-BR or plain
 * maxRejectShare: 0.01
 * unmapped: keep           # keep (as a category under its own name) or ignore
 * columns:
 *   - {source: MES_RECEBIMENTO, role: competence, format: auto}
 *   - {source: REGIONAL, type: category}
 *   - {source: COBRADO_ANTERIOR, name: billed_previous, type: double, optional: true}
 * }</pre>
 * A column entry has {@code source} (the header name), and {@code role} (a {@link dev.glosa.core.table.Role} by
 * column name, such as {@code glosa_amount}) or {@code type} ({@code category} or {@code dimension}, {@code double}
 * or {@code measure}, {@code long}, {@code date}, {@code month}), and optionally {@code name}, {@code format},
 * {@code optional} (the file may lack the column), {@code nullable} (an empty cell is a missing value; default
 * true except for role columns, whose empty cells reject the row) and {@code personal} ({@code true} or
 * {@code false}: whether the column holds personal data, deciding over what
 * {@link dev.glosa.core.table.PersonalFields} finds from its name and content; see {@link #personalOverrides()}).
 *
 * @param name a name for messages
 * @param delimiter the field delimiter, or {@link #AUTO_DELIMITER} to detect {@code ;} or {@code ,} from the header
 * @param charset the charset, or {@code null} to detect: UTF-8 when the file is valid UTF-8 (or starts with a UTF-8
 *     byte order mark), else windows-1252
 * @param numberStyle the number style of measure columns without their own format
 * @param maxRejectShare the read fails when more than this share of the records are rejected, in [0, 1]
 * @param keepUnmapped whether columns the mapping does not name are kept as categories under their header name
 * @param columns the mapped columns
 */
public record CsvMapping(
        String name,
        char delimiter,
        Charset charset,
        NumberStyle numberStyle,
        double maxRejectShare,
        boolean keepUnmapped,
        List<ColumnMapping> columns) {

    /** The delimiter value that asks for detection. */
    public static final char AUTO_DELIMITER = '\0';

    /** The default tolerated share of rejected records: 1%. */
    public static final double DEFAULT_MAX_REJECT_SHARE = 0.01;

    static final String REFERENCE_RESOURCE = "/dev/glosa/io/csv/reference-erp.yaml";

    /**
     * Checks the values and copies the column list.
     *
     * @param name as {@link #name()}; {@code null} for its default
     * @param delimiter as {@link #delimiter()}
     * @param charset as {@link #charset()}
     * @param numberStyle as {@link #numberStyle()}; {@code null} for its default
     * @param maxRejectShare as {@link #maxRejectShare()}
     * @param keepUnmapped as {@link #keepUnmapped()}
     * @param columns as {@link #columns()}; {@code null} for its default
     */
    public CsvMapping {
        name = name == null || name.isBlank() ? "mapping" : name;
        if (delimiter != AUTO_DELIMITER
                && delimiter != ';'
                && delimiter != ','
                && delimiter != '\t'
                && delimiter != '|') {
            throw new IllegalArgumentException(
                    "delimiter must be auto, ';', ',', '|' or tab, found '" + delimiter + "'");
        }
        if (numberStyle == null) {
            throw new IllegalArgumentException("numberStyle must not be null (use AUTO)");
        }
        if (!(maxRejectShare >= 0 && maxRejectShare <= 1)) {
            throw new IllegalArgumentException("maxRejectShare must be between 0 and 1, found " + maxRejectShare);
        }
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("mapping '" + name + "' maps no column");
        }
        columns = List.copyOf(columns);
        Set<String> sources = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (ColumnMapping c : columns) {
            if (!sources.add(c.source().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(
                        "mapping '" + name + "' maps source column '" + c.source() + "' twice");
            }
            if (!names.add(c.name())) {
                throw new IllegalArgumentException(
                        "mapping '" + name + "' gives the name '" + c.name() + "' to two columns");
            }
        }
    }

    /**
     * {@return a mapping of {@code columns} with detection of delimiter, charset and number style, and 1% tolerance}
     *
     * @param name the mapping's name, for messages
     * @param columns the columns' mappings
     */
    public static CsvMapping of(String name, List<ColumnMapping> columns) {
        return new CsvMapping(name, AUTO_DELIMITER, null, NumberStyle.AUTO, DEFAULT_MAX_REJECT_SHARE, true, columns);
    }

    /** {@return the mapping of the reference private-hospital ERP export (a class path resource of glosa-io)} */
    public static CsvMapping reference() {
        try (InputStream in = CsvMapping.class.getResourceAsStream(REFERENCE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(REFERENCE_RESOURCE + " is not on the class path");
            }
            return parseYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), REFERENCE_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + REFERENCE_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a mapping file: JSON when its name ends in {@code .json}, YAML otherwise.
     *
     * @param file the mapping file
     * @return the mapping
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file, the place and the rule when the mapping is invalid
     */
    public static CsvMapping load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String fileName =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return fileName.endsWith(".json") ? parseJson(text, file.toString()) : parseYaml(text, file.toString());
    }

    /**
     * Parses a YAML mapping; {@code source} names it in messages.
     *
     * @param text the YAML text
     * @param source names it in messages
     * @return the mapping
     */
    public static CsvMapping parseYaml(String text, String source) {
        return MappingFiles.parse(text, source, true);
    }

    /**
     * Parses a JSON mapping; {@code source} names it in messages.
     *
     * @param text the JSON text
     * @param source names it in messages
     * @return the mapping
     */
    public static CsvMapping parseJson(String text, String source) {
        return MappingFiles.parse(text, source, false);
    }

    /**
     * {@return the mapping of the column read from header {@code source} (ignoring case), or {@code null}}
     *
     * @param source the header, as the file writes it
     */
    public ColumnMapping column(String source) {
        String s = source.trim();
        for (ColumnMapping c : columns) {
            if (c.source().equalsIgnoreCase(s)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The required columns (not {@code optional}) that {@code found} lacks, each as its source name and, when it plays
     * a role, the role's column ({@code "VALOR_GLOSA (glosa_amount)"}), in mapping order: what a reader names when a
     * header or a query's result does not have them.
     *
     * @param found the headers (or result columns) found
     * @return the missing ones, empty when none
     */
    public java.util.List<String> missingRequired(java.util.Set<ColumnMapping> found) {
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (ColumnMapping c : columns()) {
            if (!c.optional() && !found.contains(c)) {
                missing.add(c.source() + (c.role() != null ? " (" + c.role().column() + ")" : ""));
            }
        }
        return missing;
    }

    /**
     * The columns whose mapping says {@code personal: true} or {@code false}, by their name in the table: the
     * overrides to give {@code WriterOptions} and {@code ProfileOptions}.
     *
     * @return column name to personal or not
     */
    public Map<String, Boolean> personalOverrides() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (ColumnMapping c : columns) {
            if (c.personal() != null) {
                out.put(c.name(), c.personal());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * {@return the same mapping with another delimiter ({@link #AUTO_DELIMITER} to detect)}
     *
     * @param newDelimiter the delimiter
     */
    public CsvMapping withDelimiter(char newDelimiter) {
        return new CsvMapping(name, newDelimiter, charset, numberStyle, maxRejectShare, keepUnmapped, columns);
    }

    /**
     * {@return the same mapping with another charset ({@code null} to detect)}
     *
     * @param newCharset the charset, or {@code null}
     */
    public CsvMapping withCharset(Charset newCharset) {
        return new CsvMapping(name, delimiter, newCharset, numberStyle, maxRejectShare, keepUnmapped, columns);
    }

    /**
     * {@return the same mapping with another default number style}
     *
     * @param newStyle the number style
     */
    public CsvMapping withNumberStyle(NumberStyle newStyle) {
        return new CsvMapping(name, delimiter, charset, newStyle, maxRejectShare, keepUnmapped, columns);
    }

    /**
     * {@return the same mapping with another tolerated share of rejected records}
     *
     * @param newShare the share, 0 to 1
     */
    public CsvMapping withMaxRejectShare(double newShare) {
        return new CsvMapping(name, delimiter, charset, numberStyle, newShare, keepUnmapped, columns);
    }

    /**
     * {@return the same mapping, keeping unmapped columns or not}
     *
     * @param keep whether columns the mapping does not name are kept
     */
    public CsvMapping withKeepUnmapped(boolean keep) {
        return new CsvMapping(name, delimiter, charset, numberStyle, maxRejectShare, keep, columns);
    }
}
