package dev.glosa.io.tiss;

import static dev.glosa.io.tiss.TissColumns.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.aggregate.AggregationSpec;
import dev.glosa.core.aggregate.MonthlyAggregator;
import dev.glosa.core.segment.Segment;
import dev.glosa.core.segment.Segmenter;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.io.tiss.TissGenerator.Shape;
import dev.glosa.io.tiss.TissGenerator.Spec;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade: folders, order, empty input, options. */
class TissReaderTests {

    private static void write(Spec spec, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            TissGenerator.write(spec, out);
        }
    }

    @Test
    void aFolderIsReadRecursivelyInPathOrderAndOnlyItsXmlFiles(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("b"));
        write(Spec.of("4.01.00", Shape.ITEM_LEVEL, 2), dir.resolve("b").resolve("two.XML"));
        write(Spec.of("3.05.00", Shape.GUIDE_ONLY, 1), dir.resolve("a.xml"));
        Files.writeString(dir.resolve("notes.txt"), "not a TISS file");

        TissReadResult result = TissReader.read(dir);

        assertThat(result.report().files())
                .extracting(f -> Path.of(f.file()).getFileName().toString())
                .containsExactly("a.xml", "two.XML");
        GlosaTable t = result.table();
        assertThat(t.category(SOURCE_FILE).dictionary()).containsExactly("a.xml", "two.XML");
        assertThat(t.rowCount())
                .isEqualTo(TissGenerator.summary(Spec.of("3.05.00", Shape.GUIDE_ONLY, 1))
                                .rows()
                        + TissGenerator.summary(Spec.of("4.01.00", Shape.ITEM_LEVEL, 2))
                                .rows());
        assertThat(t.category(TISS_VERSION).dictionary()).containsExactly("3.05.00", "4.01.00");
    }

    @Test
    void aMissingPathIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> TissReader.read(dir.resolve("absent.xml")))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("absent.xml");
    }

    @Test
    void noInputGivesAnEmptyTableWithEveryColumn() throws Exception {
        TissReadResult result = TissReader.create(TissOptions.defaults()).read(List.of());

        assertThat(result.table().rowCount()).isZero();
        assertThat(result.table().columnNames())
                .contains(
                        PAYER,
                        HOSPITAL,
                        GLOSA_AMOUNT,
                        REASON_CODE,
                        GLOSA_TYPE,
                        COMPETENCE,
                        CLAIM_ID,
                        APPEALED,
                        RECOVERED_AMOUNT,
                        CONSUMPTION_CENTRE,
                        CONSUMPTION_CENTRE_NAME,
                        GUIDE_OBSERVATION,
                        STATEMENT_OBSERVATION,
                        APPEAL_DATE,
                        ANSWER_DATE)
                .hasSize(48);
        assertThat(result.recoveryRates()).isEmpty();
        assertThat(result.report().clean()).isTrue();
    }

    @Test
    void theSameDemonstrativoReadTwiceIsWarnedAbout() throws Exception {
        Spec spec = Spec.of("4.01.00", Shape.ITEM_LEVEL, 3);
        TissReadResult result = TissTestData.read(
                TissInput.of("first.xml", () -> TissGenerator.open(spec)),
                TissInput.of("copy.xml", () -> TissGenerator.open(spec)));

        assertThat(result.table().rowCount())
                .isEqualTo(2 * TissGenerator.summary(spec).rows());
        assertThat(result.report().warnings())
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .startsWith("copy.xml:")
                        .contains("demonstrativo DAC-3 of operator 345678 was already read from " + "first.xml"));
    }

    @Test
    void theTablePlugsIntoTheMonthlyAggregatorAndTheSegmenter() throws Exception {
        Spec spec = Spec.of("4.01.00", Shape.MIXED, 6).withSize(12, 3, 4);
        GlosaTable t = TissTestData.read(TissInput.of("mixed.xml", () -> TissGenerator.open(spec)))
                .table();

        GlosaTable monthly = MonthlyAggregator.aggregate(t, AggregationSpec.of(Segmenter.DEFAULT_KEYS));
        List<Segment> segments = Segmenter.split(monthly);

        assertThat(Math.round(monthly.doubles(MonthlyAggregator.GLOSA).sum() * 100) / 100.0)
                .isEqualTo(TissTestData.sum(t, GLOSA_AMOUNT));
        assertThat(Math.round(monthly.doubles(MonthlyAggregator.BILLED).sum() * 100) / 100.0)
                .isEqualTo(TissTestData.sum(t, BILLED_AMOUNT));
        assertThat(segments)
                .extracting(s -> s.key().values().get(2))
                .contains(GlosaTypeMapping.ADMINISTRATIVA, GlosaTypeMapping.TECNICA, GlosaTypeMapping.CONTRATUAL);
        assertThat(monthly.months(COMPETENCE).get(0)).isNotNull();
    }

    @Test
    void optionsAreCheckedWhenMade() {
        assertThatThrownBy(() -> TissOptions.defaults().withValidation(TissOptions.Validation.REPORT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a schema directory");
        assertThatThrownBy(() -> TissOptions.defaults().withTotalsTolerance(-0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found -0.01");
        assertThatThrownBy(() -> TissOptions.defaults().withMaxWarnings(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found -1");
        assertThatThrownBy(() -> Spec.of("4.00.00", Shape.MIXED, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 4.00.00");
        assertThatThrownBy(() -> TissReader.create(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
