package dev.glosa.run.sources;

import dev.glosa.core.run.RunLog;
import dev.glosa.core.text.Messages;
import dev.glosa.core.text.Phrase;
import dev.glosa.io.jdbc.DatabaseException;
import dev.glosa.io.jdbc.Drivers;
import dev.glosa.run.GlosaRunException;
import dev.glosa.run.RunConfig;
import dev.glosa.run.spi.Options;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;

/**
 * A database's connection settings as a source or a sink uses them: drivers, the password from the environment
 * (never an option), and failures sorted into what the user can fix and what they cannot.
 */
public final class Database {
    /** The environment variable naming a folder of JDBC driver jars. */
    public static final String DRIVERS_ENV = "GLOSA_DRIVERS";

    private Database() {}

    /**
     * Loads the drivers of {@code --drivers}, else of the configuration's folder, else of {@value #DRIVERS_ENV}.
     *
     * @param options the command's options and environment
     * @param config the settings: {@code database.drivers}
     * @param log where the drivers loaded are named
     */
    public static void loadDrivers(Options options, RunConfig config, RunLog log) {
        String option = options.one("drivers", null);
        String dir = option != null
                ? option
                : config.database().drivers() != null ? config.database().drivers() : options.getenv(DRIVERS_ENV);
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            log.info(Messages.of(config.language())
                    .text("read.drivers", dir, String.join(", ", Drivers.load(Path.of(dir)))));
        } catch (DatabaseException e) {
            throw failure(e);
        }
    }

    /**
     * Connects as {@code user} with the password in the variable {@code passwordEnv}.
     *
     * @param url the database's JDBC URL
     * @param user the database user
     * @param passwordEnv the environment variable holding the password; without it, no password is sent (and said)
     * @param config the settings: the login time-out
     * @param options where the environment comes from
     * @param log where a missing password is said
     * @return an open connection; the caller closes it
     */
    public static Connection connect(
            String url, String user, String passwordEnv, RunConfig config, Options options, RunLog log) {
        String password = options.getenv(passwordEnv);
        if (password == null) {
            log.info(Messages.of(config.language())
                    .text("warning", Messages.of(config.language()).text("warning.noPassword", passwordEnv)));
        }
        try {
            return Drivers.connect(url, user, password, config.database().loginTimeoutSeconds());
        } catch (DatabaseException e) {
            throw failure(e);
        }
    }

    /**
     * {@return a stop the user's input or configuration caused, or another failure}
     *
     * @param e the database's failure, whose kind says whose fault it is
     */
    public static GlosaRunException failure(DatabaseException e) {
        return new GlosaRunException(
                e.kind().userInput() ? GlosaRunException.Kind.BAD_INPUT : GlosaRunException.Kind.FAILURE,
                Phrase.of("error.database." + e.kind().name().toLowerCase(Locale.ROOT), e.getMessage()),
                e);
    }
}
