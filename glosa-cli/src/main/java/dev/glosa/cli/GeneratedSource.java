package dev.glosa.cli;

import dev.glosa.core.run.GlosaSource;
import dev.glosa.core.run.RunContext;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.run.SourceBatch;
import dev.glosa.core.run.SourceRows;
import dev.glosa.core.text.KeyNames;
import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpGeneratorConfig;
import dev.glosa.io.generate.ErpSample;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.io.generate.SihSample;
import dev.glosa.run.GlosaRunException;
import dev.glosa.run.spi.Options;
import dev.glosa.run.spi.SourceProvider;
import java.util.List;
import java.util.Set;

/**
 * Generated data, so the whole job runs anywhere with no input file: SIH-like RD, RJ and ER tables with
 * re-presentations, late and partial payments and long stays ({@link Kind#SUS}), or ERP glosa lines in the reference
 * shape with planted groups ({@link Kind#ERP}). The same seed gives the same rows.
 */
public final class GeneratedSource implements GlosaSource {
    /** What to generate. */
    public enum Kind {
        /** DATASUS SIH-like tables, reconciled like real files. */
        SUS,
        /** ERP glosa lines, aggregated by month like an export. */
        ERP
    }

    private final Kind kind;
    private final int rows;
    private final long seed;
    private KeyNames names = KeyNames.none();

    /** Fictional names the demo gives its generated hospitals, in the order of their CNES codes. */
    private static final List<String> DEMO_HOSPITALS = List.of(
            "Hospital Santa Clara",
            "Hospital São Lucas",
            "Hospital Bom Jesus",
            "Santa Casa de Vila Nova",
            "Hospital Regional do Vale",
            "Hospital Nossa Senhora da Luz",
            "Hospital Municipal Jardim",
            "Maternidade Esperança",
            "Hospital Santo Antônio",
            "Hospital das Clínicas do Sul",
            "Hospital São Vicente",
            "Hospital Monte Alegre",
            "Hospital Boa Vista",
            "Hospital Santa Marta",
            "Hospital Vila Rica",
            "Hospital do Carmo",
            "Hospital Primavera",
            "Hospital Santa Helena",
            "Hospital Serra Azul",
            "Hospital Rio Claro",
            "Hospital Santa Rita",
            "Hospital Beira-Mar",
            "Hospital Três Pontes",
            "Hospital Campo Belo",
            "Hospital Santa Inês",
            "Hospital São Bento",
            "Hospital Lago Verde",
            "Hospital Bela Vista",
            "Hospital Santa Luzia",
            "Hospital Alto da Serra");

    /**
     * @param rows about how many claims (SUS) or lines (ERP) to generate
     * @param seed the generator's seed
     */
    public GeneratedSource(Kind kind, int rows, long seed) {
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
        if (rows < 100) {
            throw GlosaRunException.badInput(null, "error.demoRows", rows);
        }
        this.rows = rows;
        this.seed = seed;
    }

    @Override
    public String describe() {
        return "generated " + kind.name().toLowerCase(java.util.Locale.ROOT) + " data (seed " + seed + ")";
    }

    @Override
    public boolean generated() {
        return true;
    }

    @Override
    public SourceBatch read(RunContext context) {
        return kind == Kind.SUS ? sus(context) : erp(context);
    }

    private SourceBatch sus(RunContext context) {
        SihGeneratorConfig generator = SihGeneratorConfig.defaults(seed).withTotalClaims(rows);
        Messages t = Messages.of(context.language());
        context.log().info(t.text("demo.generatingSus", t.number(rows), Long.toString(seed)));
        SihSample sample = SihGenerator.generate(generator);
        context.log()
                .info(t.text(
                        "demo.generatedSus",
                        t.number(sample.rd().rowCount()),
                        t.number(sample.rj().rowCount()),
                        t.number(sample.er().rowCount())));
        List<RunRecord.Input> inputs = List.of(
                generated("generated:sih-rd", generator, sample.rd().rowCount()),
                generated("generated:sih-rj", generator, sample.rj().rowCount()),
                generated("generated:sih-er", generator, sample.er().rowCount()));
        long read = (long) sample.rd().rowCount()
                + sample.rj().rowCount()
                + sample.er().rowCount();
        names = demoHospitalNames(sample.rd());
        return new SourceBatch(new SourceRows.Sih(sample.rd(), sample.rj(), sample.er()), inputs, read, 0, List.of());
    }

    private SourceBatch erp(RunContext context) {
        ErpGeneratorConfig defaults = ErpGeneratorConfig.defaults(seed);
        int perHospital = defaults.payers() * defaults.glosaTypes() * defaults.linesPerSegment() * defaults.months();
        int hospitals = (int) Math.max(1, Math.min(500, Math.round(rows / (perHospital * defaults.segmentShare()))));
        ErpGeneratorConfig generator =
                defaults.withSegments(hospitals, defaults.payers(), defaults.glosaTypes(), defaults.segmentShare());
        Messages t = Messages.of(context.language());
        context.log()
                .info(t.text(
                        "demo.generatingErp",
                        Integer.toString(hospitals),
                        Integer.toString(generator.months()),
                        Long.toString(seed)));
        ErpSample sample = ErpGenerator.generate(generator);
        context.log()
                .info(t.text(
                        "demo.generatedErp",
                        t.number(sample.table().rowCount()),
                        generator.analysedMonth().toString()));
        List<RunRecord.Input> inputs =
                List.of(generated("generated:erp", generator, sample.table().rowCount()));
        return new SourceBatch(
                new SourceRows.ErpLines(sample.table(), generator.analysedMonth()),
                inputs,
                sample.table().rowCount(),
                0,
                List.of());
    }

    @Override
    public KeyNames names() {
        return names;
    }

    /** Each generated CNES gets a fictional name (numbered past the list), so the demo reads as a real run would. */
    static KeyNames demoHospitalNames(dev.glosa.core.table.GlosaTable rd) {
        String hospital = dev.glosa.core.table.Role.HOSPITAL.column();
        if (!rd.has(hospital)) {
            return KeyNames.none();
        }
        dev.glosa.core.table.CategoryColumn c = rd.category(hospital);
        java.util.TreeSet<String> codes = new java.util.TreeSet<>();
        for (int i = 0; i < c.cardinality(); i++) {
            codes.add(c.value(i));
        }
        java.util.Map<String, String> byCode = new java.util.LinkedHashMap<>();
        int i = 0;
        for (String code : codes) {
            String base = DEMO_HOSPITALS.get(i % DEMO_HOSPITALS.size());
            byCode.put(code, i < DEMO_HOSPITALS.size() ? base : base + " " + (i / DEMO_HOSPITALS.size() + 1));
            i++;
        }
        return KeyNames.of(hospital, byCode);
    }

    private static RunRecord.Input generated(String name, Object generatorConfig, long rows) {
        return new RunRecord.Input(name, RunRecord.sha256(generatorConfig.toString()), rows);
    }

    /** {@code glosa demo}. */
    public static final class Provider implements SourceProvider {
        /** Found by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String id() {
            return "demo";
        }

        @Override
        public String summary() {
            return summary(Language.EN);
        }

        @Override
        public String help() {
            return help(Language.EN);
        }

        @Override
        public String help(Language language) {
            return GlosaCli.helpText("demo", language);
        }

        @Override
        public String summary(Language language) {
            return Messages.of(language).text("command.demo");
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("source", "rows", "seed");
        }

        @Override
        public String defaultOut() {
            return "glosa-out/demo";
        }

        @Override
        public GlosaSource create(Options options, dev.glosa.run.RunConfig config) {
            String source = options.one("source", "sus");
            Kind kind = switch (source) {
                case "sus" -> Kind.SUS;
                case "erp" -> Kind.ERP;
                default -> throw GlosaRunException.badInput(null, "error.demoSource", Options.printable(source));
            };
            return new GeneratedSource(
                    kind, options.integer("rows", 30_000, 100, 50_000_000), options.longValue("seed", 42));
        }
    }
}
