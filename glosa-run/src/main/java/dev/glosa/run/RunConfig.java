package dev.glosa.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.glosa.cluster.features.Encoding;
import dev.glosa.cluster.features.Feature;
import dev.glosa.cluster.features.FeatureSpec;
import dev.glosa.cluster.features.MissingValues;
import dev.glosa.cluster.features.Transform;
import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.SegmentOverride;
import dev.glosa.cluster.profile.ProfileOptions;
import dev.glosa.cluster.profile.RankBy;
import dev.glosa.cluster.select.OutlierRule;
import dev.glosa.core.reconcile.DedupPolicy;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.text.Language;
import dev.glosa.io.powerbi.IdentifierPolicy;
import dev.glosa.io.powerbi.WriterOptions;
import dev.glosa.io.tiss.AppealCycle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of a run, read from the YAML or JSON file given with {@code --config}; every setting is optional.
 *
 * <p>See {@code examples/config/glosa.yaml} for a commented sample. Unknown settings are errors, so a typo never
 * silently falls back to a default.
 *
 * @param segmentKeys the columns that split the rows into segments (default hospital, payer, glosa_type)
 * @param features the features to cluster on (default: the source's default set)
 * @param strategy the clustering strategy id (default kmeans)
 * @param parameters the strategy's parameters, by name
 * @param criterion the model selection criterion (default simplified-silhouette, {@code Criterion.defaultCriterion()})
 * @param kMin the smallest number of groups tried (default 2)
 * @param kMax the largest number of groups tried (default 15)
 * @param minSegmentSize segments with fewer rows are one group marked too small (default 10)
 * @param seed the seed (default 42)
 * @param rankBy what ranks groups: {@code glosa} (money at stake, default) or {@code jump} (its rise over the previous
 *     month)
 * @param overrides per-segment settings
 * @param identifiers what happens to patient identifiers: {@code pseudonymise}, {@code drop} or {@code keep_clear};
 *     without it, pseudonymise when a key is given, else the run stops and says so
 * @param pseudonymKey the HMAC key for pseudonyms (better given in the environment variable
 *     {@code GLOSA_PSEUDONYM_KEY})
 * @param identifierColumns columns treated as patient identifiers besides those found by name and content
 * @param dedup which row of a claim repeated in RJ represents it: {@code first} (default), {@code last},
 *     {@code max_value}
 * @param database how a database is read or written (not part of the fingerprint: it changes no result)
 * @param datasus where SIH files are fetched from and kept (not part of the fingerprint either)
 * @param lang the language of what a person reads: {@code pt-BR} or {@code en}; {@code --lang} replaces it; without
 *     either, the system locale's, falling back to English (not part of the fingerprint: it changes words, not groups)
 * @param dimensions key column to a CSV file of code and name (and, optionally, group), e.g. {@code hospital:
 *     hospitals.csv}; a relative path is read from the configuration file's folder (not part of the fingerprint)
 * @param history how much history the output folder keeps (not part of the fingerprint)
 * @param csv how the CSV files are written (not part of the fingerprint)
 * @param outliers which lines of a segment are set aside as its outliers before k is chosen (default: the
 *     library's {@code OutlierRule.defaults()}; {@code enabled: false} sets none aside)
 * @param appeals the appeal deadlines of {@code appeal_pending} (TISS runs; not part of the fingerprint: it changes
 *     deadlines, never groups)
 */
public record RunConfig(
        List<String> segmentKeys,
        List<FeatureEntry> features,
        String strategy,
        Map<String, String> parameters,
        String criterion,
        Integer kMin,
        Integer kMax,
        Integer minSegmentSize,
        Long seed,
        String rankBy,
        List<OverrideEntry> overrides,
        String identifiers,
        String pseudonymKey,
        List<String> identifierColumns,
        String dedup,
        DatabaseEntry database,
        DatasusEntry datasus,
        String lang,
        Map<String, String> dimensions,
        HistoryEntry history,
        CsvEntry csv,
        OutliersEntry outliers,
        AppealsEntry appeals) {

    /**
     * How much history the output folder keeps.
     *
     * @param keepWeeks the weeks ({@code as_of} dates) of {@code fact_glosa} kept, the latest ones (default 12);
     *     dimensions, indicators and group history keep every week
     */
    public record HistoryEntry(Integer keepWeeks) {
        /** The default weeks of facts kept. */
        public static final int DEFAULT_KEEP_WEEKS = 12;

        /**
         * Fills the default.
         *
         * @param keepWeeks as {@link #keepWeeks()}; {@code null} for its default
         */
        public HistoryEntry {
            keepWeeks = keepWeeks == null ? DEFAULT_KEEP_WEEKS : keepWeeks;
        }
    }

    /**
     * The deadlines for appealing a glosa, in days after the demonstrativo's issue date: contracts differ by operator.
     *
     * @param deadlineDays the days of every operator not listed (default {@value #DEFAULT_DEADLINE_DAYS})
     * @param byPayer days per operator, by its {@code registroANS}
     */
    public record AppealsEntry(Integer deadlineDays, Map<String, Integer> byPayer) {
        /** The default days to appeal, when neither the contract nor the configuration says. */
        public static final int DEFAULT_DEADLINE_DAYS = 30;

        /**
         * Fills the defaults.
         *
         * @param deadlineDays as {@link #deadlineDays()}; {@code null} for its default
         * @param byPayer as {@link #byPayer()}; {@code null} for its default
         */
        public AppealsEntry {
            deadlineDays = deadlineDays == null ? DEFAULT_DEADLINE_DAYS : deadlineDays;
            byPayer = byPayer == null ? Map.of() : Map.copyOf(byPayer);
        }

        /** {@return these deadlines as the appeal cycle takes them} */
        public AppealCycle.Deadlines deadlines() {
            try {
                return new AppealCycle.Deadlines(deadlineDays, byPayer);
            } catch (IllegalArgumentException e) {
                throw GlosaRunException.badInput(e, "error.config.appeals", e.getMessage());
            }
        }
    }

    /**
     * How the CSV files are written.
     *
     * @param bom whether each file starts with a UTF-8 byte order mark, so Excel in pt-BR opens it in columns
     *     (default false)
     */
    public record CsvEntry(Boolean bom) {
        /**
         * Fills the default.
         *
         * @param bom as {@link #bom()}; {@code null} for its default
         */
        public CsvEntry {
            bom = bom != null && bom;
        }
    }

    /**
     * Where SIH files are fetched from and kept ({@code glosa fetch}, {@code glosa sus --uf}); not part of the
     * fingerprint: it changes where files come from, never what they hold (each is checked by its CRC-32).
     *
     * @param mirrors base URLs tried in order ({@code ftp://}, {@code http(s)://} or {@code file:}); {@code --mirror}
     *     replaces them; empty: the DATASUS FTP server
     * @param cache the cache folder; {@code --cache} replaces it; {@code null}: {@code GLOSA_CACHE}, else
     *     {@code ~/.cache/glosa/datasus}
     */
    public record DatasusEntry(List<String> mirrors, String cache) {
        /**
         * Fills the defaults.
         *
         * @param mirrors as {@link #mirrors()}; {@code null} for its default
         * @param cache as {@link #cache()}
         */
        public DatasusEntry {
            mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
        }
    }

    /**
     * How a database is read or written ({@code glosa sql}, {@code --out jdbc:...}); never the password itself.
     *
     * @param passwordEnv the environment variable holding the password (default {@code GLOSA_DB_PASSWORD})
     * @param outPasswordEnv the variable holding the password of the database written with {@code --out jdbc:...}
     *     (default: {@code passwordEnv})
     * @param fetchSize rows fetched per round trip (default 10,000)
     * @param queryTimeoutSeconds the query's time-out, 0 for none (default 600)
     * @param loginTimeoutSeconds how long to wait for the server (default 30)
     * @param drivers a folder of JDBC driver jars (default: {@code GLOSA_DRIVERS})
     */
    public record DatabaseEntry(
            String passwordEnv,
            String outPasswordEnv,
            Integer fetchSize,
            Integer queryTimeoutSeconds,
            Integer loginTimeoutSeconds,
            String drivers) {
        /** The default password variable. */
        public static final String DEFAULT_PASSWORD_ENV = "GLOSA_DB_PASSWORD";

        /**
         * Fills the defaults.
         *
         * @param passwordEnv as {@link #passwordEnv()}; {@code null} for its default
         * @param outPasswordEnv as {@link #outPasswordEnv()}; {@code null} for its default
         * @param fetchSize as {@link #fetchSize()}; {@code null} for its default
         * @param queryTimeoutSeconds as {@link #queryTimeoutSeconds()}; {@code null} for its default
         * @param loginTimeoutSeconds as {@link #loginTimeoutSeconds()}; {@code null} for its default
         * @param drivers as {@link #drivers()}
         */
        public DatabaseEntry {
            passwordEnv = passwordEnv == null ? DEFAULT_PASSWORD_ENV : passwordEnv;
            outPasswordEnv = outPasswordEnv == null ? passwordEnv : outPasswordEnv;
            fetchSize = fetchSize == null ? dev.glosa.io.jdbc.JdbcReadOptions.DEFAULT_FETCH_SIZE : fetchSize;
            queryTimeoutSeconds = queryTimeoutSeconds == null
                    ? dev.glosa.io.jdbc.JdbcReadOptions.DEFAULT_QUERY_TIMEOUT_SECONDS
                    : queryTimeoutSeconds;
            loginTimeoutSeconds = loginTimeoutSeconds == null ? 30 : loginTimeoutSeconds;
        }
    }

    /**
     * The outlier rule ({@link OutlierRule}); a setting left out keeps the default.
     *
     * @param enabled whether lines are set aside at all
     * @param threshold how many times the segment's median distance to the n-th neighbour an outlier's exceeds
     * @param minDistance the least such distance, in feature units
     * @param neighbours which neighbour measures isolation
     * @param maxShare the largest share of a segment's lines set aside
     */
    public record OutliersEntry(
            Boolean enabled, Double threshold, Double minDistance, Integer neighbours, Double maxShare) {
        OutlierRule rule() {
            OutlierRule d = OutlierRule.defaults();
            return new OutlierRule(
                    enabled == null ? d.enabled() : enabled,
                    neighbours == null ? d.neighbours() : neighbours,
                    threshold == null ? d.threshold() : threshold,
                    minDistance == null ? d.minDistance() : minDistance,
                    maxShare == null ? d.maxShare() : maxShare);
        }
    }

    /** One feature: numeric with a transform, or categorical when {@code encoding} is given. */
    public record FeatureEntry(
            String column, String transform, String encoding, Integer top, Double weight, String missing) {}

    /** Settings for the segments it matches, by id or by key values. */
    public record OverrideEntry(
            String segment,
            Map<String, String> keys,
            String strategy,
            Map<String, String> parameters,
            String criterion,
            Integer kMin,
            Integer kMax,
            Integer minSegmentSize) {}

    /**
     * Fills the defaults of every setting left out.
     *
     * @param segmentKeys as {@link #segmentKeys()}; {@code null} for its default
     * @param features as {@link #features()}; {@code null} for its default
     * @param strategy as {@link #strategy()}; {@code null} for its default
     * @param parameters as {@link #parameters()}; {@code null} for its default
     * @param criterion as {@link #criterion()}; {@code null} for its default
     * @param kMin as {@link #kMin()}; {@code null} for its default
     * @param kMax as {@link #kMax()}; {@code null} for its default
     * @param minSegmentSize as {@link #minSegmentSize()}; {@code null} for its default
     * @param seed as {@link #seed()}; {@code null} for its default
     * @param rankBy as {@link #rankBy()}; {@code null} for its default
     * @param overrides as {@link #overrides()}; {@code null} for its default
     * @param identifiers as {@link #identifiers()}
     * @param pseudonymKey as {@link #pseudonymKey()}
     * @param identifierColumns as {@link #identifierColumns()}; {@code null} for its default
     * @param dedup as {@link #dedup()}; {@code null} for its default
     * @param database as {@link #database()}; {@code null} for its default
     * @param datasus as {@link #datasus()}; {@code null} for its default
     * @param lang as {@link #lang()}
     * @param dimensions as {@link #dimensions()}; {@code null} for its default
     * @param history as {@link #history()}; {@code null} for its default
     * @param csv as {@link #csv()}; {@code null} for its default
     * @param outliers as {@link #outliers()}
     * @param appeals as {@link #appeals()}; {@code null} for its default
     */
    public RunConfig {
        segmentKeys = segmentKeys == null ? List.of("hospital", "payer", "glosa_type") : List.copyOf(segmentKeys);
        features = features == null ? List.of() : List.copyOf(features);
        strategy = strategy == null ? LoopConfig.DEFAULT_STRATEGY : strategy;
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        criterion = criterion == null
                ? dev.glosa.cluster.select.Criterion.defaultCriterion().id()
                : criterion;
        kMin = kMin == null ? 2 : kMin;
        kMax = kMax == null ? 15 : kMax;
        minSegmentSize = minSegmentSize == null ? LoopConfig.DEFAULT_MIN_SEGMENT_SIZE : minSegmentSize;
        seed = seed == null ? 42L : seed;
        rankBy = rankBy == null ? "glosa" : rankBy;
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        identifierColumns = identifierColumns == null ? List.of() : List.copyOf(identifierColumns);
        dedup = dedup == null ? "first" : dedup;
        database = database == null ? new DatabaseEntry(null, null, null, null, null, null) : database;
        datasus = datasus == null ? new DatasusEntry(null, null) : datasus;
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
        history = history == null ? new HistoryEntry(null) : history;
        csv = csv == null ? new CsvEntry(null) : csv;
        appeals = appeals == null ? new AppealsEntry(null, null) : appeals;
    }

    /** {@return every setting at its default} */
    public static RunConfig defaults() {
        return new RunConfig(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /**
     * {@return the same settings in another language ({@code --lang})}
     *
     * @param lang {@code pt-BR} or {@code en}, as the command line gives it
     */
    public RunConfig withLang(String lang) {
        return new RunConfig(
                segmentKeys,
                features,
                strategy,
                parameters,
                criterion,
                kMin,
                kMax,
                minSegmentSize,
                seed,
                rankBy,
                overrides,
                identifiers,
                pseudonymKey,
                identifierColumns,
                dedup,
                database,
                datasus,
                lang,
                dimensions,
                history,
                csv,
                outliers,
                appeals);
    }

    /**
     * The language of the run: {@code lang} when set, else the system locale's, falling back to English.
     *
     * @return the language of what a person reads from the run
     * @throws GlosaRunException naming the choices, when {@code lang} is neither pt-BR nor en
     */
    public Language language() {
        if (lang == null) {
            return Language.system();
        }
        try {
            return Language.parse(lang);
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e, "error.config.lang", lang);
        }
    }

    /**
     * {@return the same settings with another pseudonym key}
     *
     * @param key the HMAC key for pseudonyms
     */
    public RunConfig withPseudonymKey(String key) {
        return new RunConfig(
                segmentKeys,
                features,
                strategy,
                parameters,
                criterion,
                kMin,
                kMax,
                minSegmentSize,
                seed,
                rankBy,
                overrides,
                identifiers,
                key,
                identifierColumns,
                dedup,
                database,
                datasus,
                lang,
                dimensions,
                history,
                csv,
                outliers,
                appeals);
    }

    /**
     * Reads a configuration file, YAML unless its name ends in {@code .json}.
     *
     * @param file the file given with {@code --config}; its folder is where relative {@code dimensions:} files are
     * @return the settings, defaults filled in
     * @throws GlosaRunException naming the file, line and setting, when it cannot be read or a setting is unknown or
     *     malformed
     */
    public static RunConfig load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw GlosaRunException.badInput(e, "error.configNotFound", file);
        } catch (IOException e) {
            throw GlosaRunException.badInput(e, "error.config.read", file, e.getMessage());
        }
        RunConfig c = parse(bytes, file.toString());
        if (c.dimensions.isEmpty()) {
            return c;
        }
        // A dimension file sits beside the configuration that names it, wherever the job is started from.
        Path base = file.toAbsolutePath().getParent();
        Map<String, String> resolved = new LinkedHashMap<>();
        c.dimensions.forEach((column, path) -> resolved.put(
                column, path == null ? null : base.resolve(path).normalize().toString()));
        return new RunConfig(
                c.segmentKeys,
                c.features,
                c.strategy,
                c.parameters,
                c.criterion,
                c.kMin,
                c.kMax,
                c.minSegmentSize,
                c.seed,
                c.rankBy,
                c.overrides,
                c.identifiers,
                c.pseudonymKey,
                c.identifierColumns,
                c.dedup,
                c.database,
                c.datasus,
                c.lang,
                resolved,
                c.history,
                c.csv,
                c.outliers,
                c.appeals);
    }

    /**
     * Parses settings from YAML (JSON is YAML too); empty text gives the defaults.
     *
     * @param bytes the settings, UTF-8
     * @param source names them in errors (the file, or {@code "test"})
     * @return the settings, defaults filled in
     * @throws GlosaRunException naming the source, line and setting, when a setting is unknown or malformed
     */
    public static RunConfig parse(byte[] bytes, String source) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return defaults();
        }
        boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
        ObjectMapper mapper = (json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // seed: 1.5 is a mistake, not 1; a key given twice is a mistake, not "the last one wins".
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try {
            RunConfig c = mapper.readValue(bytes, RunConfig.class);
            return c == null ? defaults() : c;
        } catch (UnrecognizedPropertyException e) {
            throw GlosaRunException.badInput(
                    e,
                    "error.config.unknownSetting",
                    source,
                    lineOf(text, e),
                    e.getPropertyName(),
                    e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            throw GlosaRunException.badInput(
                    source + ":" + line(e) + ": "
                            + e.getOriginalMessage().lines().findFirst().orElse("malformed"),
                    e);
        } catch (IOException e) {
            throw GlosaRunException.badInput(e, "error.config.read", source, e.getMessage());
        }
    }

    /** The line naming the unknown key; the parser's own location may already be on the next line. */
    private static int lineOf(String text, UnrecognizedPropertyException e) {
        String[] lines = text.split("\\R", -1);
        String key = e.getPropertyName();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith(key + ":") || l.startsWith(key + " :") || l.startsWith("\"" + key + "\"")) {
                return i + 1;
            }
        }
        return line(e);
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /**
     * The SHA-256 of the settings in a canonical JSON form (sorted keys, defaults filled in, the pseudonym key left
     * out): the same settings give the same run id however the file is written, and the run id says nothing of the
     * key.
     *
     * @return the hexadecimal SHA-256
     */
    public String fingerprint() {
        ObjectMapper canonical = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        RunConfig withoutKey = withPseudonymKey(null);
        try {
            // The database and download settings change how rows are fetched, never which: they stay out of the run id.
            com.fasterxml.jackson.databind.node.ObjectNode tree = canonical.valueToTree(withoutKey);
            tree.remove("database");
            tree.remove("datasus");
            // Words, names and file form change how results read, never which groups they are.
            for (String presentation : List.of("lang", "dimensions", "history", "csv")) {
                tree.remove(presentation);
            }
            // Appeal deadlines change which appeals are late, never the groups.
            tree.remove("appeals");
            if (outliers == null) {
                tree.remove("outliers"); // configurations written before the setting existed keep their run ids
            }
            return RunRecord.sha256(canonical.writeValueAsBytes(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the configuration: " + e.getMessage(), e);
        }
    }

    /** {@return the settings, with the pseudonym key hidden} */
    @Override
    public String toString() {
        return "RunConfig[segmentKeys=" + segmentKeys + ", features=" + features + ", strategy=" + strategy
                + ", parameters=" + parameters + ", criterion=" + criterion + ", k=" + kMin + ".." + kMax
                + ", minSegmentSize=" + minSegmentSize + ", seed=" + seed + ", rankBy=" + rankBy + ", overrides="
                + overrides + ", identifiers=" + identifiers + ", pseudonymKey="
                + (pseudonymKey == null ? "none" : "***")
                + ", identifierColumns=" + identifierColumns + ", dedup=" + dedup + ", database=" + database
                + ", datasus="
                + datasus + ", lang=" + lang + ", dimensions=" + dimensions + ", history=" + history + ", csv=" + csv
                + ", outliers=" + outliers + "]";
    }

    /**
     * The loop configuration, with {@code defaultFeatures} when no features were set and groups explained by
     * {@code profileColumns} (empty: every category column).
     */
    LoopConfig loopConfig(FeatureSpec defaultFeatures, List<String> profileColumns, int threads) {
        return loopConfig(defaultFeatures, profileColumns, Map.of(), threads);
    }

    /**
     * The loop configuration as above, with the source's decisions on which columns are personal (a CSV mapping's
     * {@code personal:} entries): a personal column never describes a group.
     */
    LoopConfig loopConfig(
            FeatureSpec defaultFeatures, List<String> profileColumns, Map<String, Boolean> personal, int threads) {
        LoopConfig.Builder b = LoopConfig.builder()
                .segmentKeys(segmentKeys)
                .features(features.isEmpty() ? defaultFeatures : featureSpec())
                .strategy(strategy)
                .criterion(criterion)
                .kRange(kMin, kMax)
                .minSegmentSize(minSegmentSize)
                .seed(seed)
                .threads(threads)
                .profile(ProfileOptions.defaults()
                        .withRankBy(rankByChoice())
                        .withCategoryColumns(profileColumns)
                        .withPersonalOverrides(personal)
                        .withLanguage(language()));
        parameters.forEach(b::parameter);
        try {
            if (outliers != null) {
                b.outliers(outliers.rule());
            }
            for (OverrideEntry o : overrides) {
                b.override(override(o));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e, "error.config", e.getMessage());
        }
    }

    private RankBy rankByChoice() {
        return switch (rankBy.toLowerCase(Locale.ROOT)) {
            case "glosa" -> RankBy.GLOSA;
            case "jump" -> RankBy.JUMP;
            default -> throw GlosaRunException.badInput(null, "error.config.rankBy", rankBy);
        };
    }

    private FeatureSpec featureSpec() {
        List<Feature> out = new ArrayList<>();
        for (FeatureEntry f : features) {
            if (f.column() == null) {
                throw GlosaRunException.badInput(null, "error.config.featureColumn");
            }
            double weight = f.weight() == null ? 1.0 : f.weight();
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw GlosaRunException.badInput(null, "error.config.weight", f.column(), weight);
            }
            try {
                if (f.encoding() != null) {
                    Encoding e = enumOf(Encoding.class, f.encoding(), "encoding of feature " + f.column());
                    int top = f.top() == null ? 10 : f.top();
                    out.add(new Feature.Categorical(f.column(), e, e == Encoding.FREQUENCY ? 0 : top, weight));
                } else {
                    Transform t = f.transform() == null
                            ? FeatureSpec.defaultTransform(f.column())
                            : enumOf(Transform.class, f.transform(), "transform of feature " + f.column());
                    MissingValues m = f.missing() == null
                            ? MissingValues.ERROR
                            : enumOf(MissingValues.class, f.missing(), "missing of feature " + f.column());
                    out.add(new Feature.Numeric(f.column(), t, weight, m));
                }
            } catch (IllegalArgumentException e) {
                throw GlosaRunException.badInput(e, "error.config.feature", f.column(), e.getMessage());
            }
        }
        try {
            return new FeatureSpec(out);
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e, "error.config", e.getMessage());
        }
    }

    private static SegmentOverride override(OverrideEntry o) {
        if ((o.segment() == null) == (o.keys() == null)) {
            throw GlosaRunException.badInput(null, "error.config.overrideBoth");
        }
        SegmentOverride s = o.segment() != null
                ? SegmentOverride.forSegment(o.segment())
                : SegmentOverride.forKeys(new LinkedHashMap<>(o.keys()));
        if (o.strategy() != null) {
            s = s.withStrategy(o.strategy());
        }
        if (o.parameters() != null) {
            for (Map.Entry<String, String> e : o.parameters().entrySet()) {
                s = s.withParameter(e.getKey(), e.getValue());
            }
        }
        if (o.criterion() != null) {
            s = s.withCriterion(o.criterion());
        }
        if (o.kMin() != null || o.kMax() != null) {
            s = s.withKRange(o.kMin() == null ? 2 : o.kMin(), o.kMax() == null ? 15 : o.kMax());
        }
        if (o.minSegmentSize() != null) {
            s = s.withMinSegmentSize(o.minSegmentSize());
        }
        return s;
    }

    /**
     * Checks every setting that can be checked without the data, so a mistake in the configuration is reported before
     * any input is read: enumerations, feature definitions, the strategy and criterion with their parameters (also of
     * every override), override keys against the segment keys, and the identifier options.
     *
     * @throws GlosaRunException naming the setting, when one is wrong
     */
    public void validate() {
        language();
        appeals.deadlines();
        if (history.keepWeeks() < 1) {
            throw GlosaRunException.badInput(null, "error.config.keepWeeks", history.keepWeeks());
        }
        for (Map.Entry<String, String> d : dimensions.entrySet()) {
            if (d.getValue() == null || d.getValue().isBlank()) {
                throw GlosaRunException.badInput(null, "error.config.dimensionFile", d.getKey());
            }
        }
        rankByChoice();
        dedupPolicy();
        writerOptions();
        if (!features.isEmpty()) {
            featureSpec();
        }
        for (OverrideEntry o : overrides) {
            if (o.keys() != null) {
                for (String k : o.keys().keySet()) {
                    if (!segmentKeys.contains(k)) {
                        throw GlosaRunException.badInput(null, "error.config.overrideKey", k, segmentKeys);
                    }
                }
            }
        }
        LoopConfig loop = loopConfig(FeatureSpec.reference(), List.of(), 1);
        try {
            new dev.glosa.cluster.loop.SegmentLoop(dev.glosa.cluster.spi.StrategyRegistry.load()).checkSettings(loop);
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e);
        }
    }

    /** {@return the dedup policy for RJ} */
    public DedupPolicy dedupPolicy() {
        return enumOf(DedupPolicy.class, dedup, "dedup");
    }

    /**
     * The writer's identifier options: the policy set, or pseudonymise when a key is given in the configuration or
     * the environment; with neither, the writer stops the run and names the choices.
     *
     * @return the identifier options every sink applies
     */
    public WriterOptions writerOptions() {
        try {
            return writerOptionsUnchecked();
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e, "error.config", e.getMessage());
        }
    }

    private WriterOptions writerOptionsUnchecked() {
        WriterOptions w =
                WriterOptions.defaults().withKeepWeeks(history.keepWeeks()).withBom(csv.bom());
        if (!identifierColumns.isEmpty()) {
            w = w.withIdentifierColumns(identifierColumns);
        }
        if (pseudonymKey != null) {
            w = w.withPseudonymKey(pseudonymKey);
        }
        if (identifiers != null) {
            w = w.withIdentifierPolicy(enumOf(IdentifierPolicy.class, identifiers, "identifiers"));
        } else if (pseudonymKey != null || System.getenv(WriterOptions.KEY_ENVIRONMENT_VARIABLE) != null) {
            w = w.withIdentifierPolicy(IdentifierPolicy.PSEUDONYMISE);
        }
        return w;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String what) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        List<String> known = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            known.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw GlosaRunException.badInput(null, "error.config.oneOf", what, known, text);
    }
}
