package dev.glosa.examples.cli;

import dev.glosa.io.csv.CsvMapping;
import dev.glosa.io.jdbc.DatabaseException;
import dev.glosa.io.jdbc.JdbcReadOptions;
import dev.glosa.io.jdbc.JdbcReadResult;
import dev.glosa.io.jdbc.JdbcReader;
import dev.glosa.io.jdbc.JdbcUrls;
import dev.glosa.io.powerbi.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code glosa sql}: the glosa lines of a query on the hospital's database, clustered and written. */
final class SqlCommand implements Command {

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public String summary() {
        return "cluster the glosa lines a read-only SQL query returns from the hospital's database";
    }

    @Override
    public String help() {
        return """
                Usage: glosa sql --url JDBC_URL --query FILE.sql --user NAME [--mapping FILE] --out DIR|JDBC_URL
                                 [--month yyyy-MM] [--drivers DIR] [--query-timeout S] [--config FILE] [--as-of DATE]
                                 [--threads N] [--verbose]

                Runs one SELECT (or WITH) query on the database in a read-only transaction (anything else is refused
                before it is sent), reads its columns with the same mapping as an ERP export (names matched without
                regard to case; DATE, TIMESTAMP, NUMERIC and text read as what they are), then aggregates and
                clusters as glosa csv does. Rows that fail the mapping go to rejects.csv with their row number; the
                run stops when more than the mapping's share (1% by default) is rejected.

                The password comes from the environment variable GLOSA_DB_PASSWORD (or the one the configuration's
                database.passwordEnv names), never from the command line, and is never logged.

                  --url URL        the database, e.g. jdbc:postgresql://erp-db:5432/erp (PostgreSQL's driver ships
                                   with glosa; others are loaded from --drivers)
                  --query FILE     the query; examples/config/reference-erp.sql is the reference one
                  --user NAME      the database user (give it read access only)
                  --mapping FILE   which column plays which role; default examples/config/reference-erp.yaml
                  --out DIR        output folder, or jdbc:postgresql://... to write the star schema's tables there
                  --month M        the month to analyse (default: the last closed month before --as-of)
                  --drivers DIR    a folder of JDBC driver jars (default: GLOSA_DRIVERS)
                  --query-timeout S  cancel the query after S seconds (default 600, database.queryTimeoutSeconds)
                """ + RunOptions.HELP;
    }

    @Override
    public void run(String[] argv, Console console) {
        Set<String> valued = new HashSet<>(RunOptions.VALUED);
        valued.addAll(Set.of("url", "query", "user", "mapping", "month", "drivers", "query-timeout"));
        Args args = Args.parse(name(), argv, valued, RunOptions.FLAGS);
        String url = args.required("url");
        Path queryFile = Path.of(args.required("query"));
        String user = args.required("user");
        if (!JdbcUrls.isJdbc(url)) {
            throw new CliException(CliException.USAGE, "--url must be a JDBC URL such as"
                    + " jdbc:postgresql://host:5432/database, found '" + JdbcUrls.mask(url) + "'");
        }
        RunOptions options = RunOptions.from(args, null, console);
        JobConfig config = options.config();
        CsvMapping mapping = CsvCommand.mapping(args);
        YearMonth month = CsvCommand.month(args);
        String query;
        try {
            query = Files.readString(queryFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException(CliException.USAGE, "query file not found: " + queryFile, e);
        } catch (IOException e) {
            throw new CliException(CliException.USAGE, "cannot read the query file " + queryFile + ": " + e.getMessage(), e);
        }
        int timeout = args.integer("query-timeout", config.database().queryTimeoutSeconds(), 0, 86_400);
        JdbcReadOptions readOptions = JdbcReadOptions.defaults().withFetchSize(config.database().fetchSize())
                .withQueryTimeoutSeconds(timeout)
                .withProgress(100_000, rows -> console.info(String.format(Locale.ROOT, "rows read: %,d", rows)));
        Databases.loadDrivers(args.one("drivers", null), config, console);
        String shown = JdbcUrls.mask(url);
        String source = queryFile.getFileName() + "@" + shown;
        console.info("reading " + queryFile + " from " + shown + " as " + user);
        JdbcReadResult read;
        try (Connection c = Databases.connect(url, user, config.database().passwordEnv(), config, console)) {
            Files.createDirectories(options.out());
            read = JdbcReader.read(c, query, mapping, source, options.out().resolve("rejects.csv"), readOptions);
        } catch (DatabaseException e) {
            throw Databases.failure(e);
        } catch (IOException | SQLException e) {
            throw new CliException(CliException.FAILURE, source + ": " + e.getMessage(), e);
        }
        console.info(read.report().summary());
        RunRecord.Input input = new RunRecord.Input(source, RunRecord.sha256(query), read.report().records());
        Prepared prepared = Sources.erp("sql", read.table(), month, YearMonth.from(options.asOf()), List.of(input),
                read.report().rejectedRows(), mapping.personalOverrides());
        Job.run(prepared, config, options.configSha256(), options.output(), options.asOf(), options.threads(),
                console);
    }
}
