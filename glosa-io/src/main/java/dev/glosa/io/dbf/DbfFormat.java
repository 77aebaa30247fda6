package dev.glosa.io.dbf;

import java.nio.file.Path;
import java.util.Locale;

/** The container of a dBase file: plain, or DATASUS-compressed. */
public enum DbfFormat {
    /** A plain dBase III file. */
    DBF("dbf"),
    /** A DATASUS {@code .dbc}: DBF header, CRC-32 of the whole DBF, then the records imploded. */
    DBC("dbc");

    private final String label;

    DbfFormat(String label) {
        this.label = label;
    }

    /** {@return the lower-case name used in reports and JSON: {@code dbf} or {@code dbc}} */
    public String label() {
        return label;
    }

    /**
     * {@link #DBC} for a file whose name ends in {@code .dbc} (any case), {@link #DBF} otherwise.
     *
     * @param file the file
     * @return the format
     */
    public static DbfFormat of(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".dbc") ? DBC : DBF;
    }
}
