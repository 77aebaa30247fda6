package dev.glosa.io.powerbi;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.table.GlosaTable;
import java.time.LocalDate;
import java.util.List;

/** {@link Fixture}'s run, for the tests of sinks in other packages (the database writer). */
public final class RunFixture {
    /** The first week's {@code as_of}. */
    public static final LocalDate WEEK1 = Fixture.WEEK1;
    /** The second week's {@code as_of}. */
    public static final LocalDate WEEK2 = Fixture.WEEK2;

    private RunFixture() {}

    /** The analysed table. */
    public static GlosaTable table() {
        return Fixture.table();
    }

    /** The outcomes of week 1 ({@code kept = false}) or week 2. */
    public static List<SegmentResult> outcomes(boolean kept) {
        return Fixture.outcomes(kept);
    }

    /** The indicators of {@code t}. */
    public static List<IndicatorRow> indicators(GlosaTable t) {
        return Fixture.indicators(t);
    }

    /** The run of {@code asOf}. */
    public static RunRecord run(LocalDate asOf) {
        return Fixture.run(asOf);
    }

    /** Options that pseudonymise the fixture's identifiers with its key. */
    public static WriterOptions options() {
        return WriterOptions.pseudonymise(Fixture.KEY);
    }
}
