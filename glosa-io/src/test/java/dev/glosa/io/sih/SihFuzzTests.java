package dev.glosa.io.sih;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.glosa.io.dbf.DbcWriter;
import dev.glosa.io.dbf.DbfCursor;
import dev.glosa.io.dbf.DbfFormat;
import dev.glosa.io.dbf.DbfReadOptions;
import dev.glosa.io.dbf.DbfWriter;
import dev.glosa.io.dbf.MalformedFileException;
import dev.glosa.io.dbf.Mutations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutated ER files through the SIH mapping end in a table or a {@link MalformedFileException}. */
class SihFuzzTests {

    private static final long SEED = 0xE5F0_2003L;

    @TempDir
    Path dir;

    @Test
    void mutatedErrorFilesMapOrFailCleanly() throws IOException {
        Path file = dir.resolve("ERXX2003.dbf");
        SplittableRandom r = new SplittableRandom(SEED);
        // The ER layout, written without the shared data so that this test always runs.
        try (DbfWriter w = DbfWriter.builder()
                .numeric("SEQUENCIA", 9, 0)
                .character("REMESSA", 21)
                .character("CNES", 7)
                .character("AIH", 13)
                .character("ANO", 4)
                .character("MES", 2)
                .character("DT_INTER", 10)
                .character("DT_SAIDA", 10)
                .character("MUN_MOV", 6)
                .character("UF_ZI", 6)
                .character("MUN_RES", 6)
                .character("UF_RES", 2)
                .character("CO_ERRO", 6)
                .open(file)) {
            for (int i = 0; i < 40; i++) {
                w.setLong(0, i)
                        .setString(1, "HE28000001N202003.DTS")
                        .setString(2, "656834" + r.nextInt(3))
                        .setString(3, Long.toString(2_820_100_000_000L + r.nextInt(100_000)))
                        .setString(4, "2020")
                        .setString(5, "03")
                        .setString(6, "202001" + (10 + r.nextInt(18)))
                        .setString(7, "202002" + (10 + r.nextInt(18)))
                        .setString(12, "0600" + (10 + r.nextInt(80)));
                w.endRecord();
            }
        }
        byte[] dbf = Files.readAllBytes(file);
        byte[] dbc = DbcWriter.pack(dbf);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 1500; i++) {
                boolean compressed = r.nextBoolean();
                byte[] input = Mutations.mutate(compressed ? dbc : dbf, r, r.nextBoolean() ? 449 + 4 : 0);
                DbfFormat format = compressed ? DbfFormat.DBC : DbfFormat.DBF;
                try (DbfCursor c = DbfCursor.open(
                        new ByteArrayInputStream(input),
                        "ERXX2003." + format.label(),
                        format,
                        DbfReadOptions.defaults())) {
                    SihTable t = SihFileReader.read(c, SihReadOptions.defaults());
                    assertThat(t.table().rowCount())
                            .isEqualTo(t.files().get(0).read().recordsRead());
                    outcomes[0]++;
                } catch (MalformedFileException e) {
                    assertThat(e.getMessage()).startsWith("ERXX2003.").doesNotContain("\n");
                    outcomes[1]++;
                } catch (Throwable t) {
                    fail("case " + i + " (seed " + SEED + "): unexpected " + t, t);
                }
            }
        });
        assertThat(outcomes[0]).as("mapped").isPositive();
        assertThat(outcomes[1]).as("rejected").isPositive();
    }
}
