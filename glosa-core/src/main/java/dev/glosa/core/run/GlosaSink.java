package dev.glosa.core.run;

import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.table.GlosaTable;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Where one run's results go: a Power BI folder, a database, a report.
 *
 * <p>The pipeline {@linkplain #open() opens} a sink before any data is read (so an unwritable folder or a held lock
 * is reported first), reads the previous week's group state from it, checks the identifier treatment of the columns
 * it will hand over, writes once, and closes it. A sink keeps history: a week written again replaces that week.
 */
public interface GlosaSink extends Closeable {

    /** {@return where the sink writes, for messages (credentials masked)} */
    String describe();

    /**
     * Checks that the sink can be written and takes what guards it (a folder lock) until {@link #close()}.
     *
     * @throws IOException when it cannot be written, naming where and why
     */
    void open() throws IOException;

    /**
     * The groups' tracking state of the latest run before {@code asOf}, empty when there is none; read after
     * {@link #open()}.
     *
     * @param asOf the run's date
     * @return the groups of that run, to match this week's against
     * @throws IOException when the previous state cannot be read
     */
    List<GroupRecord> previousState(LocalDate asOf) throws IOException;

    /**
     * Checks that the identifier columns among {@code columns} have a treatment (pseudonymise, drop or keep in
     * clear); called before reading with the columns known then, and before clustering with the table's.
     *
     * @param columns column names, as the source knows them
     * @throws IllegalArgumentException naming the columns and the choices
     */
    void checkIdentifiers(Collection<String> columns);

    /**
     * Checks, before the clustering, that the identifier columns of {@code table} have a treatment, found as the
     * write will find them (by name and by content); by default by the column names only.
     *
     * @param table the table the run analysed
     * @throws IllegalArgumentException naming the columns, why each is personal, and the choices
     */
    default void checkIdentifiers(GlosaTable table) {
        checkIdentifiers(table.columnNames());
    }

    /**
     * Where a reader should quarantine rejected rows beside this sink's outputs, or {@code null} when the sink has no
     * folder.
     *
     * @return the rejects file, or {@code null}
     */
    default Path rejectsFile() {
        return null;
    }

    /**
     * Writes the run, replacing the rows of the same week, all or nothing.
     *
     * @param output the run's results and the tables to write
     * @return one line per table written, for the run's summary
     * @throws IOException when the write fails; the previous state is then unchanged
     */
    List<String> write(RunOutput output) throws IOException;
}
