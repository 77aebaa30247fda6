package dev.glosa.run;

import dev.glosa.cluster.loop.LoopResult;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.text.KeyNames;
import dev.glosa.core.text.Language;
import java.util.List;

/**
 * What a run did.
 *
 * @param run the run's record, as written
 * @param loop the loop's result; its assignments index the clustered rows
 * @param outcomes the outcomes as written; their assignments index the analysed rows
 * @param written one line per table the sink wrote
 * @param language the language the run wrote its texts in (the HTML report takes {@code language.locale()})
 * @param names the names of the key codes (hospital, payer, glosa type...) the run knew
 */
public record RunSummary(
        RunRecord run,
        LoopResult loop,
        List<SegmentResult> outcomes,
        List<String> written,
        Language language,
        KeyNames names) {

    /**
     * Copies the lists.
     *
     * @param run the run's record
     * @param loop the loop's result
     * @param outcomes the outcomes as written
     * @param written one line per table written
     * @param language the language of the run's texts
     * @param names the names of the key codes
     */
    public RunSummary {
        outcomes = List.copyOf(outcomes);
        written = List.copyOf(written);
    }
}
