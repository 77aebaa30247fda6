package dev.glosa.io.generate;

import dev.glosa.io.csv.CsvMapping;
import dev.glosa.io.csv.CsvWriteOptions;
import dev.glosa.io.csv.CsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a generated ERP sample as the CSV export of the reference private-hospital ERP, so the CSV reader can be
 * tested on generated data.
 *
 * <p>The file has the headers of {@link CsvMapping#reference()} ({@code MES_RECEBIMENTO}, {@code HOSPITAL}, ...,
 * {@code QTD_LINHAS_GLOSA}) and is written by {@link CsvWriter}; reading it with {@code CsvReader} and the same
 * mapping gives back the sample's table. The planted groups are not written: they stay in the {@link ErpSample}.
 * The bytes depend only on the sample and the options.
 */
public final class ErpFiles {

    private ErpFiles() {}

    /**
     * Writes {@code sample} to {@code file} as a Brazilian export ({@link CsvWriteOptions#ptBr()}: {@code ;},
     * {@code 1.234,56}, {@code MM/yyyy}, UTF-8), creating the folder if needed.
     *
     * @return {@code file}
     */
    public static Path write(ErpSample sample, Path file) throws IOException {
        return write(sample, file, CsvWriteOptions.ptBr());
    }

    /**
     * Writes {@code sample} to {@code file} with the given options, creating the folder if needed; the file is
     * written under a temporary name and renamed when complete.
     *
     * @return {@code file}
     */
    public static Path write(ErpSample sample, Path file, CsvWriteOptions options) throws IOException {
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(options, "options");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        CsvWriter.write(sample.table(), file, CsvMapping.reference(), options);
        return file;
    }
}
