package dev.glosa.io.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SIH files {@link SihFiles} wrote, per system, each list in competence order.
 *
 * @param rd the paid-claim files ({@code RD}), one per month of the RD window
 * @param rj the rejected-claim files ({@code RJ}), one per month of the RJ window
 * @param er the rejection-error files ({@code ER}), one per month of the RJ window
 */
public record SihFileSet(List<Path> rd, List<Path> rj, List<Path> er) {

    /** Copies the lists. */
    public SihFileSet {
        rd = List.copyOf(rd);
        rj = List.copyOf(rj);
        er = List.copyOf(er);
    }

    /** Every file: RD, then RJ, then ER, as {@code SihReader.readAll} takes them. */
    public List<Path> all() {
        List<Path> all = new ArrayList<>(rd.size() + rj.size() + er.size());
        all.addAll(rd);
        all.addAll(rj);
        all.addAll(er);
        return List.copyOf(all);
    }
}
