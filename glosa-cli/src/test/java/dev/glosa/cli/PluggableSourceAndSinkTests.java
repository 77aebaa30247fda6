package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.run.GlosaSink;
import dev.glosa.core.run.GlosaSource;
import dev.glosa.core.run.RunContext;
import dev.glosa.core.run.RunOutput;
import dev.glosa.core.run.SourceBatch;
import dev.glosa.core.run.SourceRows;
import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpGeneratorConfig;
import dev.glosa.io.generate.ErpSample;
import dev.glosa.io.powerbi.WriterOptions;
import dev.glosa.run.spi.Options;
import dev.glosa.run.spi.SinkProvider;
import dev.glosa.run.spi.SourceProvider;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A source and a sink added the way a user adds them: one class each, listed in {@code META-INF/services} (this
 * module's test resources), with no change to the command line's code; the command line offers the source as a
 * command and writes to the sink when {@code --out} names it.
 */
class PluggableSourceAndSinkTests {
    /** What the memory sink received, by run. */
    static final List<RunOutput> RECEIVED = new ArrayList<>();

    @Test
    void aSourceOnTheClassPathIsACommandAndASinkIsChosenByOut() {
        RECEIVED.clear();
        CliRun help = CliRun.of("--help");
        assertThat(help.out).contains("planted").contains("ERP lines with planted groups, from a test's provider");

        CliRun run = CliRun.of(
                "planted", "--hospitals", "2", "--out", "memory:week", "--as-of", "2026-11-23", "--threads", "2");
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.out).contains("memory sink received").contains("Top groups by money at stake");
        assertThat(RECEIVED).singleElement().satisfies(out -> {
            assertThat(out.run().asOf()).isEqualTo(LocalDate.of(2026, 11, 23));
            assertThat(out.analysed().rowCount()).isPositive();
            assertThat(out.segments()).isNotEmpty();
        });
    }

    @Test
    void aProvidersOwnOptionsAreParsedCheckedAndCompletedLikeTheBuiltInOnes() {
        CliRun typo = CliRun.of("planted", "--hospitalz", "2", "--out", "memory:week");
        assertThat(typo.status).isEqualTo(2);
        assertThat(typo.err).contains("glosa planted: unknown option --hospitalz; did you mean --hospitals?");
        CliRun help = CliRun.of("planted", "-h");
        assertThat(help.status).isZero();
        assertThat(help.out)
                .contains("Usage: glosa planted --hospitals N --out DIR")
                .contains("--as-of DATE");
        CliRun completion = CliRun.of("completion");
        assertThat(completion.out).contains("planted").contains("--hospitals");
    }

    @Test
    void runningOutOfMemorySaysWhatTheAnalystCanDo() {
        CliRun en = CliRun.of("planted", "--exhaust-memory", "--out", "memory:week", "--lang", "en");
        CliRun pt = CliRun.of("planted", "--exhaust-memory", "--out", "memory:week", "--lang", "pt-BR");

        assertThat(en.status).as(en.toString()).isEqualTo(1);
        assertThat(en.err)
                .contains("glosa planted: ran out of memory: this input needs more than the " + GlosaCli.heap())
                .contains("GLOSA_JAVA_OPTS=-Xmx")
                .contains("glosa-spark")
                .doesNotContain("java.lang.OutOfMemoryError");
        assertThat(pt.status).isEqualTo(1);
        assertThat(pt.err).contains("faltou memória").contains("GLOSA_JAVA_OPTS=-Xmx");
    }

    /** ERP lines with planted groups, as a user's own source would hand them over. */
    public static final class PlantedSource implements SourceProvider {
        /** Found by {@link java.util.ServiceLoader}. */
        public PlantedSource() {}

        @Override
        public String id() {
            return "planted";
        }

        @Override
        public String summary() {
            return "ERP lines with planted groups, from a test's provider";
        }

        @Override
        public String help() {
            return "Usage: glosa planted --hospitals N --out DIR\n";
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("hospitals");
        }

        @Override
        public Set<String> flags() {
            return Set.of("exhaust-memory");
        }

        @Override
        public GlosaSource create(Options options, dev.glosa.run.RunConfig config) {
            int hospitals = options.integer("hospitals", 2, 1, 20);
            return new GlosaSource() {
                @Override
                public String describe() {
                    return "planted lines of " + hospitals + " hospitals";
                }

                @Override
                public SourceBatch read(RunContext context) {
                    if (options.has("exhaust-memory")) {
                        // What a national year of SIH files does to a heap too small for it.
                        throw new OutOfMemoryError("Java heap space");
                    }
                    ErpGeneratorConfig c = ErpGeneratorConfig.defaults(3).withSegments(hospitals, 2, 2, 1.0);
                    ErpSample sample = ErpGenerator.generate(c);
                    return new SourceBatch(
                            new SourceRows.ErpLines(sample.table(), c.analysedMonth()),
                            List.of(),
                            sample.table().rowCount(),
                            0,
                            List.of());
                }
            };
        }
    }

    /** A sink that keeps what it receives in memory: {@code --out memory:NAME}. */
    public static final class MemorySink implements SinkProvider {
        /** Found by {@link java.util.ServiceLoader}. */
        public MemorySink() {}

        @Override
        public boolean accepts(String out) {
            return out.startsWith("memory:");
        }

        @Override
        public GlosaSink create(
                String out, WriterOptions identifiers, dev.glosa.run.RunConfig config, Options options) {
            return new GlosaSink() {
                @Override
                public String describe() {
                    return out;
                }

                @Override
                public void open() {}

                @Override
                public List<GroupRecord> previousState(LocalDate asOf) {
                    return List.of();
                }

                @Override
                public void checkIdentifiers(Collection<String> columns) {
                    identifiers.checkIdentifiers(columns);
                }

                @Override
                public List<String> write(RunOutput output) {
                    RECEIVED.add(output);
                    return List.of("memory sink received " + output.analysed().rowCount() + " rows");
                }

                @Override
                public void close() {}
            };
        }
    }
}
