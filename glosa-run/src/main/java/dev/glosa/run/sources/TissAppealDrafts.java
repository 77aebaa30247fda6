package dev.glosa.run.sources;

import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.run.RunLog;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
import dev.glosa.io.tiss.AppealDraft;
import dev.glosa.io.tiss.TissColumns;
import dev.glosa.run.GlosaRunException;
import dev.glosa.run.spi.Options;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code glosa tiss --draft-appeal GROUP_ID --justifications FILE}: after the run, drafts a TISS 4.03 recursoGlosa
 * for the rows of one group (see {@link AppealDraft}) into {@code --draft-out DIR} (default {@code OUT/appeal-drafts}).
 */
public final class TissAppealDrafts {
    /** The option naming the group. */
    public static final String OPTION = "draft-appeal";

    private TissAppealDrafts() {}

    /**
     * Writes the draft when {@code --draft-appeal} was given, saying what it did in {@code language}; else nothing.
     *
     * @param options the command's options: {@code --draft-appeal}, {@code --justifications}, {@code --draft-out},
     *     {@code --provider-code}
     * @param out the run's output, whose {@code appeal-drafts} folder is the default
     * @param asOf the run's date, the draft's date and the start of its lot number
     * @param analysed the TISS table the run analysed
     * @param outcomes every segment's groups, rows counted in {@code analysed}
     * @param log where the draft's files and the codes left out are said
     * @param language the language of those lines and of the errors
     */
    public static void writeIfAsked(
            Options options,
            String out,
            LocalDate asOf,
            GlosaTable analysed,
            List<SegmentResult> outcomes,
            RunLog log,
            Language language) {
        if (!options.has(OPTION)) {
            return;
        }
        Messages text = Messages.of(language);
        if (!analysed.has(TissColumns.GLOSA_LEVEL)) {
            throw GlosaRunException.badInput(null, "error.draft.tissOnly", OPTION);
        }
        String cluster = options.required(OPTION);
        int[] rows = outcomes.stream()
                .map(SegmentResult::assignment)
                .flatMapToInt(a -> rowsOf(a, cluster))
                .sorted()
                .toArray();
        if (rows.length == 0) {
            throw GlosaRunException.badInput(null, "error.draft.noGroup", OPTION, Options.printable(cluster));
        }
        String provider = options.one(
                "provider-code", analysed.category(TissColumns.PROVIDER_CODE).get(rows[0]));
        Path folder =
                Path.of(options.one("draft-out", Path.of(out, "appeal-drafts").toString()));
        try {
            Map<String, String> texts = AppealDraft.readJustifications(Path.of(options.required("justifications")));
            AppealDraft.Result r = AppealDraft.write(
                    analysed,
                    rows,
                    texts,
                    new AppealDraft.Sender(
                            provider, asOf, "RG" + asOf.toString().replace("-", "")),
                    folder);
            log.result(text.text("draft.written", cluster, r.rowsDrafted(), rows.length, r.files()));
            if (!r.codesWithoutText().isEmpty()) {
                log.result("  " + text.text("draft.noText", r.codesWithoutText()));
            }
            for (String s : r.leftOut()) {
                log.info(text.text("draft.leftOut", s));
            }
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e);
        } catch (IOException e) {
            throw GlosaRunException.badInput(e, "error.draft", e.getMessage());
        }
    }

    private static java.util.stream.IntStream rowsOf(SegmentAssignment a, String cluster) {
        java.util.stream.IntStream.Builder b = java.util.stream.IntStream.builder();
        for (int i = 0; i < a.size(); i++) {
            if (cluster.equals(a.groupId(i))) {
                b.add(a.row(i));
            }
        }
        return b.build();
    }
}
