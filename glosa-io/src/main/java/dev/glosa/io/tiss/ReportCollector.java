package dev.glosa.io.tiss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects what a read reports, keeping at most a given number of warnings. */
final class ReportCollector {
    private final int maxWarnings;
    private final long toleranceCents;
    final List<TissReadReport.FileSummary> files = new ArrayList<>();
    final List<TissReadReport.Mismatch> mismatches = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int dropped;
    private final Map<String, Integer> unknownCodes = new TreeMap<>();
    private final Map<String, Integer> expiredCodes = new TreeMap<>();
    private final Map<String, Integer> retiredCodes = new TreeMap<>();
    private final Map<String, String> statementsSeen = new java.util.HashMap<>();
    int appealsRead;
    int appealsMatched;
    int answersRead;
    int answersMatched;

    ReportCollector(int maxWarnings, long toleranceCents) {
        this.maxWarnings = maxWarnings;
        this.toleranceCents = toleranceCents;
    }

    void warn(String file, long line, String message) {
        if (warnings.size() < maxWarnings) {
            warnings.add(line >= 0 ? file + ":" + line + ": " + message : file + ": " + message);
        } else {
            dropped++;
        }
    }

    /**
     * Notes that the demonstrativo {@code number} of operator {@code payer} was read from {@code file}, and warns when
     * it was read before: operators resend demonstrativos, and a folder holding both copies counts their rows twice.
     */
    void statementRead(String file, long line, String payer, String number) {
        String previous = statementsSeen.putIfAbsent(payer + "/" + number, file);
        if (previous != null) {
            warn(
                    file,
                    line,
                    "demonstrativo " + number + " of operator " + payer + " was already read from " + previous
                            + "; its rows are in the table twice");
        }
    }

    void unknownCode(String code) {
        unknownCodes.merge(code, 1, Integer::sum);
    }

    void expiredCode(String code) {
        expiredCodes.merge(code, 1, Integer::sum);
    }

    void retiredCode(String code) {
        retiredCodes.merge(code, 1, Integer::sum);
    }

    /** Records a mismatch when {@code declared} and {@code computed} (cents) differ by more than the tolerance. */
    void check(String file, long line, TissLevel level, String key, String measure, long declared, long computed) {
        if (Math.abs(declared - computed) > toleranceCents) {
            mismatches.add(
                    new TissReadReport.Mismatch(file, line, level, key, measure, declared / 100.0, computed / 100.0));
        }
    }

    TissReadReport build() {
        return new TissReadReport(
                files,
                mismatches,
                warnings,
                dropped,
                unknownCodes,
                appealsRead,
                appealsMatched,
                answersRead,
                answersMatched,
                expiredCodes,
                retiredCodes);
    }
}
