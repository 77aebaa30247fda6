package dev.glosa.run.sinks;

import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.run.GlosaSink;
import dev.glosa.core.run.RunOutput;
import dev.glosa.core.run.SideTable;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
import dev.glosa.io.powerbi.FolderLockedException;
import dev.glosa.io.powerbi.OutputFolder;
import dev.glosa.io.powerbi.StarSchemaWriter;
import dev.glosa.io.powerbi.WriteReport;
import dev.glosa.io.powerbi.WriterOptions;
import dev.glosa.report.HtmlReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Power BI star schema in a folder ({@link StarSchemaWriter}): history accumulates week after week, a week
 * written again replaces that week's rows, and rejected input rows are quarantined to {@code rejects.csv} beside it.
 * After the tables, {@code report.html} ({@link HtmlReport}) is drawn from them for the week just written.
 */
public final class PowerBiFolderSink implements GlosaSink {
    private final Path folder;
    private final WriterOptions options;
    private final Locale language;
    private OutputFolder open;

    /**
     * A sink writing to {@code folder} with the identifier treatment of {@code options}; its report in English.
     *
     * @param folder the output folder, created when missing
     * @param options the identifier treatment and the CSV settings
     */
    public PowerBiFolderSink(Path folder, WriterOptions options) {
        this(folder, options, Locale.ENGLISH);
    }

    /**
     * A sink whose {@code report.html} is in {@code language} (pt-BR, or English for any other).
     *
     * @param folder the output folder, created when missing
     * @param options the identifier treatment and the CSV settings
     * @param language the language of {@code report.html}
     */
    public PowerBiFolderSink(Path folder, WriterOptions options, Locale language) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.options = Objects.requireNonNull(options, "options");
        this.language = Objects.requireNonNull(language, "language");
    }

    /** {@return the output folder} */
    public Path folder() {
        return folder;
    }

    @Override
    public String describe() {
        return folder.toAbsolutePath().normalize().toString();
    }

    /**
     * Opens the folder for the whole run ({@link OutputFolder#open}): refuses an empty path or a file, creates the
     * folder, checks it can be written, finishes a commit a killed run left and takes the lock until {@link #close()},
     * so that none of this fails after minutes of work.
     *
     * @throws FolderLockedException when another run holds the folder
     * @throws IllegalArgumentException when {@code folder} cannot be an output folder, saying why
     */
    @Override
    public void open() throws IOException {
        try {
            open = OutputFolder.open(folder);
        } catch (FolderLockedException e) {
            throw e;
        } catch (IOException e) {
            // A folder that cannot be created or written is the wrong folder to give, not a failure of the run.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public List<GroupRecord> previousState(LocalDate asOf) throws IOException {
        return StarSchemaWriter.previousState(folder, asOf);
    }

    @Override
    public void checkIdentifiers(Collection<String> columns) {
        options.checkIdentifiers(columns);
    }

    @Override
    public void checkIdentifiers(GlosaTable table) {
        options.checkIdentifiers(table);
    }

    @Override
    public Path rejectsFile() {
        return folder.resolve("rejects.csv");
    }

    @Override
    public List<String> write(RunOutput out) throws IOException {
        WriteReport written = StarSchemaWriter.write(folder, out, options);
        StringBuilder sides = new StringBuilder();
        for (SideTable t : out.sideTables()) {
            sides.append(", ").append(t.name()).append(".csv");
        }
        // Drawn from the files just committed, so that `glosa report` redraws the same bytes later.
        HtmlReport.write(folder, out.run().asOf(), language);
        return List.of(Messages.of(Language.of(language))
                .text(
                        "powerbi.outputs",
                        String.valueOf(written.folder().toAbsolutePath().normalize()),
                        "fact_glosa.csv, dim_segment.csv, dim_group.csv, indicators.csv, runs.csv, dim_hospital.csv,"
                                + " dim_payer.csv, dim_glosa_type.csv, dim_date.csv, dim_run.csv" + sides
                                + ", manifest.json, report.html"));
    }

    /** Lets go of the folder's lock. */
    @Override
    public void close() throws IOException {
        if (open != null) {
            open.close();
            open = null;
        }
    }
}
