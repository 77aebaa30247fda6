package dev.glosa.io.csv;

import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.Role;
import java.util.Locale;
import java.util.Set;

/**
 * How one CSV column is read: its header name, the name and type it gets in the table, its role, format and whether
 * it may be absent or empty.
 *
 * @param source the header name in the file (matched ignoring case and surrounding spaces)
 * @param name the column name in the table; for a role column, the role's name
 * @param role the role the column plays, or {@code null}
 * @param type the column type; for a role column, the role's type
 * @param format the format: for a DOUBLE column {@code auto}, {@code pt-BR} or {@code plain} ({@code null} = the
 *     mapping's number format); for a DATE column {@code auto}, {@code dd/MM/yyyy}, {@code yyyy-MM-dd} or
 *     {@code yyyyMMdd}; for a MONTH column {@code auto}, {@code yyyy-MM}, {@code MM/yyyy}, {@code yyyyMM},
 *     {@code dd/MM/yyyy} or {@code yyyy-MM-dd}; {@code null} or {@code auto} otherwise
 * @param optional whether the file may lack the column (its values are then absent from the table)
 * @param nullable whether an empty cell is read as a missing value; when false an empty cell rejects its row
 * @param personal {@code true} when the column holds personal data whatever its name and content, {@code false} when
 *     it does not (written in clear, free to describe groups), {@code null} to let
 *     {@link dev.glosa.core.table.PersonalFields} decide from its name and content
 */
public record ColumnMapping(
        String source,
        String name,
        Role role,
        ColumnType type,
        String format,
        boolean optional,
        boolean nullable,
        Boolean personal) {

    static final Set<String> DATE_FORMATS = Set.of("auto", "dd/MM/yyyy", "yyyy-MM-dd", "yyyyMMdd");
    static final Set<String> MONTH_FORMATS = Set.of("auto", "yyyy-MM", "MM/yyyy", "yyyyMM", "dd/MM/yyyy", "yyyy-MM-dd");

    /**
     * Fills the defaults (a role's name and type, CATEGORY) and checks the combination.
     *
     * @param source as {@link #source()}; {@code null} for its default
     * @param name as {@link #name()}; {@code null} for its default
     * @param role as {@link #role()}; {@code null} for its default
     * @param type as {@link #type()}; {@code null} for its default
     * @param format as {@link #format()}
     * @param optional as {@link #optional()}
     * @param nullable as {@link #nullable()}
     * @param personal as {@link #personal()}
     */
    public ColumnMapping {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a column mapping needs a source header name, found '" + source + "'");
        }
        source = source.trim();
        if (role != null) {
            if (name != null && !name.equals(role.column())) {
                throw new IllegalArgumentException("column '" + source + "' plays role " + role.column()
                        + " so its name must be '" + role.column() + "', found '" + name + "'");
            }
            if (type != null && type != role.type()) {
                throw new IllegalArgumentException("column '" + source + "' plays role " + role.column()
                        + " so its type must be " + role.type() + ", found " + type);
            }
            name = role.column();
            type = role.type();
        } else {
            name = name == null || name.isBlank() ? source : name.trim();
            type = type == null ? ColumnType.CATEGORY : type;
            for (Role r : Role.values()) {
                if (r.column().equals(name)) {
                    throw new IllegalArgumentException("column '" + source + "' is named '" + name
                            + "', the name of role " + r + ": give it the role instead");
                }
            }
        }
        format = checkFormat(source, type, format);
    }

    /**
     * A mapping that lets {@link dev.glosa.core.table.PersonalFields} decide whether the column is personal.
     *
     * @param source as {@link #source()}
     * @param name as {@link #name()}
     * @param role as {@link #role()}
     * @param type as {@link #type()}
     * @param format as {@link #format()}
     * @param optional as {@link #optional()}
     * @param nullable as {@link #nullable()}
     */
    public ColumnMapping(
            String source, String name, Role role, ColumnType type, String format, boolean optional, boolean nullable) {
        this(source, name, role, type, format, optional, nullable, null);
    }

    private static String checkFormat(String source, ColumnType type, String format) {
        if (format == null) {
            return type == ColumnType.DOUBLE ? null : "auto";
        }
        String f = format.trim();
        boolean ok = switch (type) {
            case DOUBLE -> {
                f = NumberStyle.parse(f).label();
                yield true;
            }
            case DATE -> DATE_FORMATS.contains(f);
            case MONTH -> MONTH_FORMATS.contains(f);
            case CATEGORY, LONG -> f.toLowerCase(Locale.ROOT).equals("auto");
        };
        if (!ok) {
            String allowed = switch (type) {
                case DATE -> DATE_FORMATS.toString();
                case MONTH -> MONTH_FORMATS.toString();
                default -> "[auto]";
            };
            throw new IllegalArgumentException("column '" + source + "' of type " + type + " takes a format in "
                    + allowed + ", found '" + format + "'");
        }
        return type == ColumnType.DOUBLE ? f : f.equalsIgnoreCase("auto") ? "auto" : f;
    }

    /**
     * {@return a required column playing {@code role}, read under the role's name and type}
     *
     * @param source the header of the column in the file
     * @param role the role it plays
     */
    public static ColumnMapping of(String source, Role role) {
        return new ColumnMapping(source, null, role, null, null, false, false);
    }

    /**
     * {@return a required, nullable column of {@code type} read under {@code name}}
     *
     * @param source the header of the column in the file
     * @param name its name in the table
     * @param type its type
     */
    public static ColumnMapping of(String source, String name, ColumnType type) {
        return new ColumnMapping(source, name, null, type, null, false, true);
    }

    /**
     * {@return the same mapping with another format}
     *
     * @param newFormat the format
     */
    public ColumnMapping withFormat(String newFormat) {
        return new ColumnMapping(source, name, role, type, newFormat, optional, nullable, personal);
    }

    /**
     * {@return the same mapping, allowed to be absent from the file or not}
     *
     * @param newOptional whether the file may lack the column
     */
    public ColumnMapping withOptional(boolean newOptional) {
        return new ColumnMapping(source, name, role, type, format, newOptional, nullable, personal);
    }

    /**
     * {@return the same mapping, allowing empty cells or not}
     *
     * @param newNullable whether a cell may be empty
     */
    public ColumnMapping withNullable(boolean newNullable) {
        return new ColumnMapping(source, name, role, type, format, optional, newNullable, personal);
    }

    /**
     * {@return the same mapping declared personal ({@code true}), not personal ({@code false}) or left to detection}
     *
     * @param newPersonal personal or not, or {@code null} to detect
     */
    public ColumnMapping withPersonal(Boolean newPersonal) {
        return new ColumnMapping(source, name, role, type, format, optional, nullable, newPersonal);
    }
}
