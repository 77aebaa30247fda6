package dev.glosa.run.sources;

import dev.glosa.core.run.GlosaSource;
import dev.glosa.core.run.RunContext;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.run.SourceBatch;
import dev.glosa.core.run.SourceRows;
import dev.glosa.core.text.Messages;
import dev.glosa.io.csv.CsvMapping;
import dev.glosa.io.jdbc.DatabaseException;
import dev.glosa.io.jdbc.JdbcReadOptions;
import dev.glosa.io.jdbc.JdbcReadResult;
import dev.glosa.io.jdbc.JdbcReader;
import dev.glosa.io.jdbc.JdbcUrls;
import dev.glosa.run.GlosaRunException;
import dev.glosa.run.RunConfig;
import dev.glosa.run.spi.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The glosa lines one read-only query returns from the hospital's database, read with the same mapping as an ERP
 * export ({@link JdbcReader}): one {@code SELECT} or {@code WITH} statement, refused before it is sent when it is
 * anything else, run in a read-only transaction. The password comes from an environment variable, never an option.
 */
public final class JdbcQuerySource implements GlosaSource {
    private final String url;
    private final Path queryFile;
    private final String user;
    private final CsvMapping mapping;
    private final YearMonth month;
    private final int queryTimeoutSeconds;
    private final RunConfig config;
    private final Options options;
    private String query;

    /**
     * The rows {@code queryFile}'s query returns from the database at {@code url}.
     *
     * @param url the database's JDBC URL
     * @param queryFile the file holding one {@code SELECT} or {@code WITH} query
     * @param user the database user (give it read access only)
     * @param mapping which column of the result plays which role
     * @param month the month to analyse, or {@code null} for the last closed month before the run's date
     * @param queryTimeoutSeconds cancel the query after this many seconds, 0 for never
     * @param config the settings: the password variable, the fetch size and the drivers folder
     * @param options where the drivers folder and the environment (the password) come from
     */
    public JdbcQuerySource(
            String url,
            Path queryFile,
            String user,
            CsvMapping mapping,
            YearMonth month,
            int queryTimeoutSeconds,
            RunConfig config,
            Options options) {
        this.url = Objects.requireNonNull(url, "url");
        this.queryFile = Objects.requireNonNull(queryFile, "queryFile");
        this.user = Objects.requireNonNull(user, "user");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.month = month;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
        this.config = Objects.requireNonNull(config, "config");
        this.options = Objects.requireNonNull(options, "options");
        if (!JdbcUrls.isJdbc(url)) {
            throw GlosaRunException.badInput(null, "error.jdbcUrl", JdbcUrls.mask(url));
        }
    }

    /** {@return the mapping's {@code personal:} entries} */
    @Override
    public java.util.Map<String, Boolean> personalOverrides() {
        return mapping.personalOverrides();
    }

    @Override
    public String describe() {
        return queryFile.getFileName() + "@" + JdbcUrls.mask(url);
    }

    /** Reads the query file. */
    @Override
    public void check() {
        try {
            query = Files.readString(queryFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw GlosaRunException.badInput(e, "error.queryNotFound", queryFile);
        } catch (IOException e) {
            throw GlosaRunException.badInput(e, "error.queryRead", queryFile, e.getMessage());
        }
    }

    @Override
    public SourceBatch read(RunContext context) {
        if (query == null) {
            check();
        }
        JdbcReadOptions readOptions = JdbcReadOptions.defaults()
                .withFetchSize(config.database().fetchSize())
                .withQueryTimeoutSeconds(queryTimeoutSeconds)
                .withLanguage(context.language())
                .withProgress(
                        100_000,
                        rows -> context.log()
                                .info(Messages.of(context.language())
                                        .text(
                                                "read.rows",
                                                Messages.of(context.language()).number(rows))));
        Database.loadDrivers(options, config, context.log());
        String source = describe();
        context.log().info(Messages.of(context.language()).text("read.query", queryFile, JdbcUrls.mask(url), user));
        JdbcReadResult read;
        try (Connection c =
                Database.connect(url, user, config.database().passwordEnv(), config, options, context.log())) {
            read = JdbcReader.read(c, query, mapping, source, context.rejectsFile(), readOptions);
        } catch (DatabaseException e) {
            throw Database.failure(e);
        } catch (IOException | SQLException e) {
            throw GlosaRunException.failure(source + ": " + e.getMessage(), e);
        }
        context.log().info(read.report().summary(Messages.of(context.language())));
        RunRecord.Input input = new RunRecord.Input(
                source, RunRecord.sha256(query), read.report().records());
        long rejected = read.report().rejectedRows();
        return new SourceBatch(
                new SourceRows.ErpLines(read.table(), month),
                List.of(input),
                read.table().rowCount() + rejected,
                rejected,
                List.of());
    }

    /** {@code glosa sql}. */
    public static final class Provider extends ShippedProvider {
        /** Found by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String id() {
            return "sql";
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("url", "query", "user", "mapping", "month", "drivers", "query-timeout");
        }

        @Override
        public GlosaSource create(Options options, RunConfig config) {
            String url = options.required("url");
            Path queryFile = Path.of(options.required("query"));
            String user = options.required("user");
            int timeout = options.integer("query-timeout", config.database().queryTimeoutSeconds(), 0, 86_400);
            return new JdbcQuerySource(
                    url,
                    queryFile,
                    user,
                    ErpCsvSource.Provider.mapping(options),
                    options.month("month"),
                    timeout,
                    config,
                    options);
        }
    }
}
