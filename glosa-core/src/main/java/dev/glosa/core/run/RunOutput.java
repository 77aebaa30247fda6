package dev.glosa.core.run;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.text.KeyNames;
import java.util.List;
import java.util.Objects;

/**
 * Everything a sink receives from one run.
 *
 * @param run the run's record
 * @param analysed every analysed row (the fact table), clustered or not
 * @param segments every segment's result; assignments index rows of {@code analysed}
 * @param indicators the indicator rows
 * @param state the groups' tracking state to hand to next week's run
 * @param names the names of the key codes, for the dimension tables
 * @param sideTables the source's tables beside the star schema ({@link SourceBatch#sideTables()})
 */
public record RunOutput(
        RunRecord run,
        GlosaTable analysed,
        List<SegmentResult> segments,
        List<IndicatorRow> indicators,
        List<GroupRecord> state,
        KeyNames names,
        List<SideTable> sideTables) {

    /**
     * An output without side tables.
     *
     * @param run the run's record
     * @param analysed the table the run analysed
     * @param segments every segment's outcome
     * @param indicators the indicator rows
     * @param state the groups to match next week
     * @param names the names of the key codes
     */
    public RunOutput(
            RunRecord run,
            GlosaTable analysed,
            List<SegmentResult> segments,
            List<IndicatorRow> indicators,
            List<GroupRecord> state,
            KeyNames names) {
        this(run, analysed, segments, indicators, state, names, List.of());
    }

    /**
     * An output without names: every key is named by its code.
     *
     * @param run the run's record
     * @param analysed the table the run analysed
     * @param segments every segment's outcome
     * @param indicators the indicator rows
     * @param state the groups to match next week
     */
    public RunOutput(
            RunRecord run,
            GlosaTable analysed,
            List<SegmentResult> segments,
            List<IndicatorRow> indicators,
            List<GroupRecord> state) {
        this(run, analysed, segments, indicators, state, KeyNames.none(), List.of());
    }

    /**
     * Checks and copies.
     *
     * @param run as {@link #run()}
     * @param analysed as {@link #analysed()}
     * @param segments as {@link #segments()}
     * @param indicators as {@link #indicators()}
     * @param state as {@link #state()}
     * @param names as {@link #names()}; {@code null} for its default
     * @param sideTables as {@link #sideTables()}
     */
    public RunOutput {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(analysed, "analysed");
        segments = List.copyOf(segments);
        indicators = List.copyOf(indicators);
        state = List.copyOf(state);
        names = names == null ? KeyNames.none() : names;
        sideTables = List.copyOf(sideTables);
    }
}
