package dev.glosa.io.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.Role;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads mapping files with Jackson into {@link CsvMapping}; Jackson's types stay in here. */
final class MappingFiles {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's shape, as Jackson binds it. */
    record MappingFile(
            String name,
            String delimiter,
            String charset,
            String numberFormat,
            Double maxRejectShare,
            String unmapped,
            List<ColumnEntry> columns) {}

    /** One column entry of the file. */
    record ColumnEntry(
            String source,
            String name,
            String role,
            String type,
            String format,
            Boolean optional,
            Boolean nullable,
            Boolean personal) {}

    private MappingFiles() {}

    static CsvMapping parse(String text, String source, boolean yaml) {
        MappingFile f;
        try {
            f = (yaml ? YAML : JSON).readValue(text, MappingFile.class);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new IllegalArgumentException(
                    source + where + ": invalid mapping: "
                            + e.getOriginalMessage().replace('\n', ' '),
                    e);
        }
        if (f == null) {
            throw new IllegalArgumentException(source + ": empty mapping");
        }
        try {
            return toMapping(f);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static CsvMapping toMapping(MappingFile f) {
        if (f.columns() == null || f.columns().isEmpty()) {
            throw new IllegalArgumentException("no columns");
        }
        List<ColumnMapping> columns = new ArrayList<>(f.columns().size());
        int i = 0;
        for (ColumnEntry e : f.columns()) {
            i++;
            try {
                columns.add(toColumn(e));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("column entry " + i + ": " + ex.getMessage(), ex);
            }
        }
        boolean keep =
                switch (f.unmapped() == null ? "keep" : f.unmapped().trim().toLowerCase(Locale.ROOT)) {
                    case "keep" -> true;
                    case "ignore" -> false;
                    default ->
                        throw new IllegalArgumentException(
                                "unmapped must be keep or ignore, found '" + f.unmapped() + "'");
                };
        return new CsvMapping(
                f.name(),
                delimiter(f.delimiter()),
                charset(f.charset()),
                f.numberFormat() == null ? NumberStyle.AUTO : NumberStyle.parse(f.numberFormat()),
                f.maxRejectShare() == null ? CsvMapping.DEFAULT_MAX_REJECT_SHARE : f.maxRejectShare(),
                keep,
                columns);
    }

    private static ColumnMapping toColumn(ColumnEntry e) {
        Role role = e.role() == null ? null : role(e.role());
        ColumnType type = e.type() == null ? null : type(e.type());
        boolean nullable = e.nullable() == null ? role == null : e.nullable();
        boolean optional = e.optional() != null && e.optional();
        return new ColumnMapping(e.source(), e.name(), role, type, e.format(), optional, nullable, e.personal());
    }

    static Role role(String text) {
        String t = text.trim();
        for (Role r : Role.values()) {
            if (r.column().equalsIgnoreCase(t) || r.name().equalsIgnoreCase(t)) {
                return r;
            }
        }
        List<String> names = new ArrayList<>();
        for (Role r : Role.values()) {
            names.add(r.column());
        }
        throw new IllegalArgumentException("role must be one of " + names + ", found '" + text + "'");
    }

    static ColumnType type(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "category", "dimension", "text" -> ColumnType.CATEGORY;
            case "double", "measure", "number" -> ColumnType.DOUBLE;
            case "long", "integer" -> ColumnType.LONG;
            case "date" -> ColumnType.DATE;
            case "month" -> ColumnType.MONTH;
            default ->
                throw new IllegalArgumentException(
                        "type must be category, double, long, date or month, found '" + text + "'");
        };
    }

    static char delimiter(String text) {
        if (text == null || text.equalsIgnoreCase("auto")) {
            return CsvMapping.AUTO_DELIMITER;
        }
        if (text.equalsIgnoreCase("tab") || text.equals("\t")) {
            return '\t';
        }
        if (text.length() == 1) {
            return text.charAt(0);
        }
        throw new IllegalArgumentException("delimiter must be auto, ';', ',', '|' or tab, found '" + text + "'");
    }

    static Charset charset(String text) {
        if (text == null || text.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return Charset.forName(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("charset must be auto or a charset name, found '" + text + "'", e);
        }
    }
}
