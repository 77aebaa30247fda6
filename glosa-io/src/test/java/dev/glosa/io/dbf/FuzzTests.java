package dev.glosa.io.dbf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing: mutated imploded streams and mutated DBF/DBC files must each end in a result or a
 * {@link MalformedFileException}, never another exception, a hang or unbounded memory.
 */
class FuzzTests {

    private static final long SEED = 0x5EED_6105AL;
    private static final int DECODER_CASES = 2500;
    private static final int READER_CASES = 2500;

    @TempDir
    Path dir;

    @Test
    void mutatedImplodeStreamsDecodeOrFailCleanly() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<byte[]> corpus = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int k = 0;
        for (boolean coded : new boolean[] {false, true}) {
            for (int dict = 4; dict <= 6; dict++) {
                byte[] data = ImplodeInputStreamTests.sample(new SplittableRandom(k++), 2000 + random.nextInt(6000));
                corpus.add(ImplodeOutputStreamTests.compress(data, coded, dict, new SplittableRandom(k)));
                sizes.add(data.length);
            }
        }
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < DECODER_CASES; i++) {
                int which = random.nextInt(corpus.size());
                byte[] input = Mutations.mutate(corpus.get(which), random, 0);
                long bound = 4L * sizes.get(which) + 1024;
                try (InputStream in = new ImplodeInputStream(new ByteArrayInputStream(input), bound, "fuzz", 0)) {
                    byte[] out = in.readAllBytes();
                    assertThat((long) out.length).isLessThanOrEqualTo(bound);
                    outcomes[0]++;
                } catch (MalformedFileException e) {
                    assertThat(e.getMessage()).startsWith("fuzz: byte ").doesNotContain("\n");
                    outcomes[1]++;
                } catch (Throwable t) {
                    fail("case " + i + " (seed " + SEED + "): unexpected " + t, t);
                }
            }
        });
        assertThat(outcomes[0]).as("decoded").isPositive();
        assertThat(outcomes[1]).as("rejected").isPositive();
    }

    @Test
    void mutatedDbfAndDbcFilesReadOrFailCleanly() throws IOException {
        byte[] dbf = sampleDbf();
        byte[] dbc = DbcWriter.pack(dbf);
        int headerLength = DbfHeader.u16(dbf, 8);
        SplittableRandom random = new SplittableRandom(SEED + 1);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < READER_CASES; i++) {
                boolean compressed = random.nextBoolean();
                byte[] base = compressed ? dbc : dbf;
                // Half the mutations hit the header, where the structure of the whole file is declared.
                byte[] input = Mutations.mutate(base, random, random.nextBoolean() ? headerLength + 4 : 0);
                DbfFormat format = compressed ? DbfFormat.DBC : DbfFormat.DBF;
                try (DbfCursor c = DbfCursor.open(
                        new ByteArrayInputStream(input), "fuzz." + format.label(), format, DbfReadOptions.defaults())) {
                    DbfTable t = DbfReader.read(c);
                    assertThat(t.table().rowCount()).isEqualTo(t.report().recordsRead());
                    outcomes[0]++;
                } catch (MalformedFileException e) {
                    assertThat(e.getMessage()).startsWith("fuzz.").doesNotContain("\n");
                    outcomes[1]++;
                } catch (Throwable t) {
                    fail("case " + i + " (seed " + SEED + "): unexpected " + t, t);
                }
            }
        });
        assertThat(outcomes[0]).as("read").isPositive();
        assertThat(outcomes[1]).as("rejected").isPositive();
    }

    private byte[] sampleDbf() throws IOException {
        Path file = dir.resolve("fuzz.dbf");
        SplittableRandom r = new SplittableRandom(SEED + 2);
        try (DbfWriter w = DbfWriter.builder()
                .character("N_AIH", 13)
                .character("CNES", 7)
                .numeric("VAL_TOT", 14, 2)
                .numeric("IDADE", 3, 0)
                .date("DT")
                .logical("OK")
                .field("TX", DbfFieldType.FLOAT, 10, 3)
                .open(file)) {
            for (int i = 0; i < 60; i++) {
                w.setString(0, Long.toString(1_222_100_000_000L + r.nextInt(1_000_000)))
                        .setString(1, "20008" + (10 + r.nextInt(5)))
                        .setDouble(2, r.nextInt(500_000) / 100.0)
                        .setLong(3, r.nextInt(110))
                        .setDate(4, LocalDate.of(2020, 1, 1).plusDays(r.nextInt(1000)))
                        .setLogical(5, r.nextBoolean())
                        .setDouble(6, r.nextInt(100_000) / 1000.0);
                w.endRecord(i % 17 == 5);
            }
        }
        return Files.readAllBytes(file);
    }
}
