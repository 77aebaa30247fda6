package dev.glosa.io.sih;

import dev.glosa.core.table.GlosaTable;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The tables read from a set of SIH files: one per system present, in the order RD, RJ, ER, SP.
 *
 * @param tables the tables, at most one per system
 */
public record SihBatch(List<SihTable> tables) {

    /**
     * Copies the tables.
     *
     * @param tables as {@link #tables()}
     */
    public SihBatch {
        tables = List.copyOf(tables);
    }

    /**
     * {@return whether some file of {@code system} was read}
     *
     * @param system RD, RJ, ER or SP
     */
    public boolean has(SihSystem system) {
        for (SihTable t : tables) {
            if (t.system() == system) {
                return true;
            }
        }
        return false;
    }

    /**
     * The table of {@code system}.
     *
     * @param system RD, RJ, ER or SP
     * @return the rows of that system's files
     * @throws NoSuchElementException naming the systems present, if no file of that system was read
     */
    public SihTable table(SihSystem system) {
        for (SihTable t : tables) {
            if (t.system() == system) {
                return t;
            }
        }
        throw new NoSuchElementException("no " + system + " file was read; systems present: "
                + tables.stream().map(SihTable::system).toList());
    }

    /**
     * The RJ rows with the error codes, glosa type and error count of their claims from the ER rows; see
     * {@link SihRejections#attachErrors}.
     *
     * @return the RJ rows with their error columns
     * @throws NoSuchElementException if no RJ or no ER file was read
     */
    public GlosaTable rejectionsWithErrors() {
        return SihRejections.attachErrors(
                table(SihSystem.RJ).table(), table(SihSystem.ER).table());
    }
}
