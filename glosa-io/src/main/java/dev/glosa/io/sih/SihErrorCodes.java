package dev.glosa.io.sih;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The SIH rejection codes ({@code CO_ERRO}) with their descriptions and their two-digit groups.
 *
 * <p>Loaded from the table shipped with the library ({@code co_erro_moterro.csv}: the 581 codes of the
 * official TabWin table). A code is six digits; its group is its first two digits ({@code 01} import, {@code 02}
 * block, {@code 03} cancellation, {@code 04} processing status or deadline, {@code 05} AIH data, {@code 06}
 * procedures, professionals, ICU and devices, {@code 07} civil registry, {@code 08} OPM, {@code 09} preview
 * values), which is what the library uses as the SUS glosa type. Group descriptions are a reading of the
 * prefix, not an official table.
 */
public final class SihErrorCodes {

    private static final String RESOURCE = "co_erro_moterro.csv";
    private static volatile SihErrorCodes standard;

    private final Map<String, String> descriptions;
    private final Map<String, String> groupDescriptions;

    private SihErrorCodes(Map<String, String> descriptions, Map<String, String> groupDescriptions) {
        this.descriptions = Collections.unmodifiableMap(descriptions);
        this.groupDescriptions = Collections.unmodifiableMap(groupDescriptions);
    }

    /** {@return the table shipped with the library, loaded once} */
    public static SihErrorCodes standard() {
        SihErrorCodes s = standard;
        if (s == null) {
            synchronized (SihErrorCodes.class) {
                s = standard;
                if (s == null) {
                    s = load();
                    standard = s;
                }
            }
        }
        return s;
    }

    private static SihErrorCodes load() {
        InputStream in = SihErrorCodes.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("resource " + RESOURCE + " is missing from the glosa-io jar");
        }
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(";", -1);
                if (cells.length != 4 || cells[0].length() != 6) {
                    throw new IllegalStateException(RESOURCE + ":" + lineNo + ": expected code;description;group;"
                            + "group description with a 6-digit code, found '" + line + "'");
                }
                descriptions.put(cells[0], cells[1].strip());
                groups.putIfAbsent(cells[2], cells[3].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
        return new SihErrorCodes(descriptions, groups);
    }

    /** {@return the codes of the table, in table order} */
    public Set<String> codes() {
        return descriptions.keySet();
    }

    /**
     * {@return the description of {@code code}, or {@code null} if the table does not hold it}
     *
     * @param code the six-digit error code
     */
    public String description(String code) {
        return descriptions.get(code);
    }

    /**
     * The two-digit group of a code: its first two characters.
     *
     * @param code the six-digit error code
     * @return its group
     * @throws IllegalArgumentException if the code is not six digits
     */
    public static String group(String code) {
        if (code.length() != 6) {
            throw new IllegalArgumentException("CO_ERRO must have 6 digits, found '" + code + "'");
        }
        for (int i = 0; i < 6; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("CO_ERRO must have 6 digits, found '" + code + "'");
            }
        }
        return code.substring(0, 2);
    }

    /**
     * {@return a short reading of a two-digit group, or {@code null} for a group the table does not use}
     *
     * @param group the two-digit group
     */
    public String groupDescription(String group) {
        return groupDescriptions.get(group);
    }
}
