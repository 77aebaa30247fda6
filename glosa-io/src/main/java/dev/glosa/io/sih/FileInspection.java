package dev.glosa.io.sih;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.glosa.io.dbf.DbfField;
import dev.glosa.io.dbf.DbfFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * What {@link FileInspector} found in one DBF or DBC file.
 *
 * @param file the file name as given
 * @param format {@code dbf} or {@code dbc}
 * @param layout the SIH layout (system and era), or {@code null} for a DBF that is not a known SIH layout
 * @param recordsDeclared the record count in the header
 * @param records the live records found in the data
 * @param deleted the records flagged deleted
 * @param fields the header's fields (name, type, length, decimals)
 * @param crcOk whether the stored CRC-32 matches the data; {@code null} for a plain {@code .dbf}, which has none
 * @param warnings problems that do not make the file unreadable
 */
public record FileInspection(
        String file,
        DbfFormat format,
        SihLayout layout,
        long recordsDeclared,
        long records,
        long deleted,
        List<DbfField> fields,
        Boolean crcOk,
        List<String> warnings) {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Checks the parts and copies the lists.
     *
     * @param file as {@link #file()}
     * @param format as {@link #format()}
     * @param layout as {@link #layout()}
     * @param recordsDeclared as {@link #recordsDeclared()}
     * @param records as {@link #records()}
     * @param deleted as {@link #deleted()}
     * @param fields as {@link #fields()}
     * @param crcOk as {@link #crcOk()}
     * @param warnings as {@link #warnings()}
     */
    public FileInspection {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        fields = List.copyOf(fields);
        warnings = List.copyOf(warnings);
    }

    /**
     * One JSON object on one line: {@code file}, {@code format}, {@code layout} ({@code {"system","era"}} or
     * {@code null}), {@code records}, {@code recordsDeclared}, {@code deleted}, {@code crcOk} ({@code null} for
     * a {@code .dbf}), {@code fields} ({@code name}, {@code type}, {@code length}, {@code decimals}) and
     * {@code warnings}.
     *
     * @return the JSON line
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("file", file);
            g.writeStringField("format", format.label());
            if (layout == null) {
                g.writeNullField("layout");
            } else {
                g.writeObjectFieldStart("layout");
                g.writeStringField("system", layout.system().name());
                g.writeStringField("era", layout.era());
                g.writeEndObject();
            }
            g.writeNumberField("records", records);
            g.writeNumberField("recordsDeclared", recordsDeclared);
            g.writeNumberField("deleted", deleted);
            if (crcOk == null) {
                g.writeNullField("crcOk");
            } else {
                g.writeBooleanField("crcOk", crcOk);
            }
            g.writeArrayFieldStart("fields");
            for (DbfField f : fields) {
                g.writeStartObject();
                g.writeStringField("name", f.name());
                g.writeStringField("type", String.valueOf(f.type().code()));
                g.writeNumberField("length", f.length());
                g.writeNumberField("decimals", f.decimals());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            for (String w : warnings) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toString();
    }
}
