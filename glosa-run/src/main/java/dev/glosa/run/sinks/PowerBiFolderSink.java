package dev.glosa.run.sinks;

import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.run.GlosaSink;
import dev.glosa.core.run.RunOutput;
import dev.glosa.io.powerbi.StarSchemaWriter;
import dev.glosa.io.powerbi.WriteReport;
import dev.glosa.io.powerbi.WriterOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The Power BI star schema in a folder ({@link StarSchemaWriter}): history accumulates week after week, a week
 * written again replaces that week's rows, and rejected input rows are quarantined to {@code rejects.csv} beside it.
 */
public final class PowerBiFolderSink implements GlosaSink {
    private final Path folder;
    private final WriterOptions options;

    /** A sink writing to {@code folder} with the identifier treatment of {@code options}. */
    public PowerBiFolderSink(Path folder, WriterOptions options) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The output folder. */
    public Path folder() {
        return folder;
    }

    @Override
    public String describe() {
        return folder.toAbsolutePath().normalize().toString();
    }

    @Override
    public void open() throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is a file, not a folder: give the output folder");
        }
        Files.createDirectories(folder);
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
    public Path rejectsFile() {
        return folder.resolve("rejects.csv");
    }

    @Override
    public List<String> write(RunOutput out) throws IOException {
        WriteReport written = StarSchemaWriter.write(folder, out.run(), out.analysed(), out.outcomes(),
                out.indicators(), out.state(), options);
        return List.of("Power BI outputs in " + written.folder().toAbsolutePath().normalize()
                + " (fact_glosa.csv, dim_segment.csv, dim_cluster.csv, indicators.csv, runs.csv, manifest.json)");
    }

    @Override
    public void close() {
        // The writer takes and releases its lock within write; nothing is held between the calls.
    }
}
