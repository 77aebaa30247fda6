package dev.glosa.run.sinks;

import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.run.GlosaSink;
import dev.glosa.core.run.RunLog;
import dev.glosa.core.run.RunOutput;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.text.Language;
import dev.glosa.io.jdbc.DatabaseException;
import dev.glosa.io.jdbc.JdbcStarSchemaWriter;
import dev.glosa.io.jdbc.JdbcUrls;
import dev.glosa.io.powerbi.WriterOptions;
import dev.glosa.run.RunConfig;
import dev.glosa.run.sources.Database;
import dev.glosa.run.spi.Help;
import dev.glosa.run.spi.Options;
import dev.glosa.run.spi.SinkProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The star schema's tables in a PostgreSQL database ({@link JdbcStarSchemaWriter}): created when absent with typed
 * columns and keys, one transaction per run, a week written again replacing that week's rows, a failure leaving the
 * database as it was. The password comes from an environment variable, never an option; rejected input rows go to a
 * work folder.
 */
public final class JdbcSink implements GlosaSink {
    private final String url;
    private final String user;
    private final String passwordEnv;
    private final Path work;
    private final WriterOptions identifiers;
    private final RunConfig config;
    private final Options options;

    /**
     * A sink writing the star schema's tables to the database at {@code url}, in one transaction per run.
     *
     * @param url the database's JDBC URL, e.g. {@code jdbc:postgresql://bi-db:5432/glosa}
     * @param user the database user, who needs to create and write the tables
     * @param passwordEnv the environment variable holding the password
     * @param work the folder for {@code rejects.csv}
     * @param identifiers the identifier treatment
     * @param config the settings: the database's time-outs and the drivers folder
     * @param options where the environment (the password) and the drivers folder come from
     */
    public JdbcSink(
            String url,
            String user,
            String passwordEnv,
            Path work,
            WriterOptions identifiers,
            RunConfig config,
            Options options) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = Objects.requireNonNull(user, "user");
        this.passwordEnv = Objects.requireNonNull(passwordEnv, "passwordEnv");
        this.work = Objects.requireNonNull(work, "work");
        this.identifiers = Objects.requireNonNull(identifiers, "identifiers");
        this.config = Objects.requireNonNull(config, "config");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String describe() {
        return JdbcUrls.mask(url);
    }

    /** Loads the drivers and creates the work folder; the connection itself is opened for each use. */
    @Override
    public void open() throws IOException {
        Database.loadDrivers(options, config, RunLog.NONE);
        Files.createDirectories(work);
    }

    @Override
    public List<GroupRecord> previousState(LocalDate asOf) throws IOException {
        try (Connection c = Database.connect(url, user, passwordEnv, config, options, RunLog.NONE)) {
            return JdbcStarSchemaWriter.previousState(c, describe(), asOf);
        } catch (DatabaseException e) {
            throw Database.failure(e);
        } catch (SQLException e) {
            throw new IOException(describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void checkIdentifiers(Collection<String> columns) {
        identifiers.checkIdentifiers(columns);
    }

    @Override
    public void checkIdentifiers(GlosaTable table) {
        identifiers.checkIdentifiers(table);
    }

    @Override
    public Path rejectsFile() {
        return work.resolve("rejects.csv");
    }

    @Override
    public List<String> write(RunOutput out) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Connection c = Database.connect(url, user, passwordEnv, config, options, RunLog.NONE)) {
            for (JdbcStarSchemaWriter.TableReport t : JdbcStarSchemaWriter.write(c, describe(), out, identifiers)) {
                lines.add(String.format(
                        Locale.ROOT,
                        "%s: %,d rows written, %,d of the same week replaced",
                        t.table(),
                        t.written(),
                        t.replaced()));
            }
        } catch (DatabaseException e) {
            throw Database.failure(e);
        } catch (SQLException e) {
            throw new IOException(describe() + ": " + e.getMessage(), e);
        }
        lines.add("Power BI tables in " + describe());
        return lines;
    }

    @Override
    public void close() {
        // Each use opened and closed its own connection.
    }

    /** {@code --out jdbc:...} on every analysing command. */
    public static final class Provider implements SinkProvider {
        /** Found by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public boolean accepts(String out) {
            return JdbcUrls.isJdbc(out);
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("out-user", "work");
        }

        @Override
        public String help() {
            return help(Language.EN);
        }

        @Override
        public String help(Language language) {
            return Help.of("jdbc-sink", language);
        }

        @Override
        public JdbcSink create(String out, WriterOptions identifiers, RunConfig config, Options options) {
            String user = options.one("out-user", options.has("user") ? options.one("user", null) : null);
            String passwordEnv = config.database().outPasswordEnv();
            if (user == null) {
                throw new IllegalArgumentException(JdbcUrls.mask(out) + " is a database: name its user with --out-user"
                        + " (the password comes from " + passwordEnv + ")");
            }
            return new JdbcSink(
                    out, user, passwordEnv, Path.of(options.one("work", ".")), identifiers, config, options);
        }
    }
}
