package dev.glosa.io.tiss;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps a Tabela 38 group (and, optionally, single codes) to a glosa type, so that every TISS row gets a
 * {@code glosa_type} and the segments hospital × operator × glosa type exist out of the box.
 *
 * <p>The default mapping, by group, follows what a revenue-cycle team usually calls each kind of denial:
 * <ul>
 *   <li>{@value #ADMINISTRATIVA}: form, registration, authorisation, deadline and message errors, fixed by correcting
 *       and re-presenting: Elegibilidade, Protocolo, Prestador, Guia, Autorização / Solicitação, Diagnóstico (invalid
 *       or missing CID and admission fields), Atendimento (invalid attendance fields, missing authorisation), Revisão
 *       de glosa, Mensagens de Sistema;</li>
 *   <li>{@value #TECNICA}: an auditor disputes the clinical pertinence or the quantity used: Procedimento,
 *       Procedimentos em Série, Exames, Diária (stay incompatible with the clinical course), Material, Medicamento,
 *       OPM, Gases Medicinais, Odontologia;</li>
 *   <li>{@value #CONTRATUAL}: the price or the contract (table, package, what a fee or rate already includes): Regra de
 *       Valorização, Pacotes, Taxas e aluguéis, Honorários.</li>
 * </ul>
 * Codes whose group is unknown get {@value #INDEFINIDA}; rows without a glosa get {@value #SEM_GLOSA}. Groups are
 * matched without regard to case, accents and spacing. Both the group mapping and single codes can be overridden
 * ({@link #withGroup}, {@link #withCode}, {@link #withOverrides(Path)}); a code override wins over its group (e.g. 1702, a duplicate
 * charge in the valorização group, as {@value #ADMINISTRATIVA}).
 */
public final class GlosaTypeMapping {
    /** Administrative denial: form, registration, authorisation, deadline, duplicate. */
    public static final String ADMINISTRATIVA = "administrativa";
    /** Technical denial: clinical pertinence or quantity disputed by an auditor. */
    public static final String TECNICA = "técnica";
    /** Contractual (valorização) denial: price table, package, inclusions. */
    public static final String CONTRATUAL = "contratual";
    /** The type of a code whose group is unknown. */
    public static final String INDEFINIDA = "indefinida";
    /** The type of a row that carries no glosa. */
    public static final String SEM_GLOSA = "sem glosa";

    private static final GlosaTypeMapping DEFAULTS = buildDefaults();

    private final Map<String, String> groupTypes;
    private final Map<String, String> groupNames;
    private final Map<String, String> codeTypes;
    private final String unknownType;

    private GlosaTypeMapping(
            Map<String, String> groupTypes,
            Map<String, String> groupNames,
            Map<String, String> codeTypes,
            String unknownType) {
        this.groupTypes = groupTypes;
        this.groupNames = groupNames;
        this.codeTypes = codeTypes;
        this.unknownType = unknownType;
    }

    private static GlosaTypeMapping buildDefaults() {
        GlosaTypeMapping m = new GlosaTypeMapping(Map.of(), Map.of(), Map.of(), INDEFINIDA);
        for (String g : List.of(
                "Elegibilidade",
                "Protocolo",
                "Prestador",
                "Guia",
                "Autorização / Solicitação",
                "Diagnóstico",
                "Atendimento",
                "Revisão de glosa",
                "Mensagens de Sistema")) {
            m = m.withGroup(g, ADMINISTRATIVA);
        }
        for (String g : List.of(
                "Procedimento",
                "Procedimentos em Série",
                "Exames",
                "Diária",
                "Material",
                "Medicamento",
                "OPM",
                "Gases Medicinais",
                "Odontologia")) {
            m = m.withGroup(g, TECNICA);
        }
        for (String g : List.of("Regra de Valorização", "Pacotes", "Taxas e aluguéis", "Honorários")) {
            m = m.withGroup(g, CONTRATUAL);
        }
        return m;
    }

    /** {@return the default mapping described in the class documentation} */
    public static GlosaTypeMapping defaults() {
        return DEFAULTS;
    }

    /**
     * {@return this mapping with {@code group} mapped to {@code type}}
     *
     * @param group the Tabela 38 group
     * @param type the glosa type
     */
    public GlosaTypeMapping withGroup(String group, String type) {
        String key = key(group);
        checkType(type, group);
        Map<String, String> types = new TreeMap<>(groupTypes);
        Map<String, String> names = new TreeMap<>(groupNames);
        types.put(key, type.trim());
        names.put(key, group.trim());
        return new GlosaTypeMapping(
                Collections.unmodifiableMap(types), Collections.unmodifiableMap(names), codeTypes, unknownType);
    }

    /**
     * {@return this mapping with every group of {@code groupToType} mapped to its type}
     *
     * @param groupToType group to glosa type
     */
    public GlosaTypeMapping withGroups(Map<String, String> groupToType) {
        GlosaTypeMapping m = this;
        for (Map.Entry<String, String> e : groupToType.entrySet()) {
            m = m.withGroup(e.getKey(), e.getValue());
        }
        return m;
    }

    /**
     * {@return this mapping with the single Tabela 38 {@code code} mapped to {@code type}, whatever its group}
     *
     * @param code the Tabela 38 code
     * @param type the glosa type
     */
    public GlosaTypeMapping withCode(String code, String type) {
        if (code == null || !code.trim().matches("[0-9]+")) {
            throw new IllegalArgumentException("a Tabela 38 code must be digits, found '" + code + "'");
        }
        checkType(type, code);
        Map<String, String> codes = new TreeMap<>(codeTypes);
        codes.put(code.trim(), type.trim());
        return new GlosaTypeMapping(groupTypes, groupNames, Collections.unmodifiableMap(codes), unknownType);
    }

    /**
     * {@return this mapping with {@code type} for codes whose group is unknown (default {@value #INDEFINIDA})}
     *
     * @param type the glosa type
     */
    public GlosaTypeMapping withUnknownType(String type) {
        checkType(type, "unknown groups");
        return new GlosaTypeMapping(groupTypes, groupNames, codeTypes, type.trim());
    }

    /**
     * This mapping overridden by a small UTF-8 text file of {@code key = type} lines ({@code #} starts a comment):
     * a key of digits is a Tabela 38 code, {@code *} is the type of unknown groups, any other key is a group name.
     *
     * @param file the file
     * @return the mapping
     * @throws IOException when the file cannot be read
     */
    public GlosaTypeMapping withOverrides(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        GlosaTypeMapping m = this;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || eq == line.length() - 1) {
                throw new TissFormatException(
                        file.toString(),
                        i + 1,
                        -1,
                        "a glosa type line must be 'group = type' " + "or 'code = type'; found '" + line + "'");
            }
            String k = line.substring(0, eq).strip();
            String v = line.substring(eq + 1).strip();
            if (k.equals("*")) {
                m = m.withUnknownType(v);
            } else if (k.matches("[0-9]+")) {
                m = m.withCode(k, v);
            } else {
                m = m.withGroup(k, v);
            }
        }
        return m;
    }

    /**
     * The glosa type of {@code code} in {@code group}: the code's override, else its group's type, else the type of
     * unknown groups.
     *
     * @param code the Tabela 38 code
     * @param group its group, may be {@code null}
     * @return the glosa type
     */
    public String typeOf(String code, String group) {
        if (code != null) {
            String t = codeTypes.get(code.trim());
            if (t != null) {
                return t;
            }
        }
        if (group != null) {
            String t = groupTypes.get(key(group));
            if (t != null) {
                return t;
            }
        }
        return unknownType;
    }

    /** {@return the group mapping, by group name as given, in the order of the normalised names} */
    public Map<String, String> groupTypes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : groupTypes.entrySet()) {
            out.put(groupNames.get(e.getKey()), e.getValue());
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@return the code overrides} */
    public Map<String, String> codeTypes() {
        return codeTypes;
    }

    /** {@return the type of codes whose group is unknown} */
    public String unknownType() {
        return unknownType;
    }

    private static String key(String group) {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("a Tabela 38 group name must not be blank, found '" + group + "'");
        }
        return Tabela38.normalise(group);
    }

    private static void checkType(String type, String what) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException(
                    "the glosa type of " + what + " must not be blank, found '" + type + "'");
        }
    }

    @Override
    public String toString() {
        return "GlosaTypeMapping[" + groupTypes().size() + " groups, " + codeTypes.size() + " codes, unknown -> "
                + unknownType + "]";
    }
}
