package dev.glosa.io.jdbc;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Opens connections: with the drivers on the class path (PostgreSQL's ships with the command line) and those loaded
 * from a folder of jars (Oracle's ojdbc, Microsoft's mssql-jdbc, MySQL/MariaDB connectors, which glosa cannot bundle).
 */
public final class Drivers {
    private Drivers() {}

    /**
     * Loads every JDBC driver in the {@code .jar} files of {@code folder} and registers it with {@link DriverManager}.
     * {@code DriverManager} ignores drivers of class loaders other than the caller's, so each is registered through a
     * shim of the application's loader that passes every call on.
     *
     * @param folder the folder of driver jars
     * @return the driver classes registered, in the order found
     * @throws DatabaseException of kind {@link DatabaseException.Kind#NO_DRIVER} when the folder cannot be read or holds
     *     no driver
     */
    public static List<String> load(Path folder) throws DatabaseException {
        List<URL> jars = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path p : ds) {
                jars.add(p.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new DatabaseException(
                    DatabaseException.Kind.NO_DRIVER, "drivers folder " + folder + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DatabaseException(
                    DatabaseException.Kind.NO_DRIVER,
                    "cannot read the drivers folder " + folder + ": " + e + "; give a folder of JDBC driver jars",
                    e);
        }
        jars.sort((a, b) -> a.toString().compareTo(b.toString()));
        // Never closed: the drivers' classes are needed for as long as the process connects. The parent is the
        // platform loader (java.sql and the JDK), so a driver never meets glosa's own libraries or their versions.
        URLClassLoader loader = new URLClassLoader(jars.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        List<String> names = new ArrayList<>();
        try {
            for (Driver d : ServiceLoader.load(Driver.class, loader)) {
                if (d.getClass().getClassLoader() == loader) {
                    DriverManager.registerDriver(new Shim(d));
                    names.add(d.getClass().getName());
                }
            }
        } catch (SQLException | java.util.ServiceConfigurationError e) {
            throw new DatabaseException(
                    DatabaseException.Kind.NO_DRIVER,
                    "cannot load the drivers in " + folder + ": " + Errors.oneLine(e.getMessage()),
                    e);
        }
        if (names.isEmpty()) {
            throw new DatabaseException(
                    DatabaseException.Kind.NO_DRIVER,
                    "no JDBC driver in the " + jars.size() + " jar(s) of " + folder
                            + "; put the database's JDBC driver jar there (docs/database.md)",
                    null);
        }
        return List.copyOf(names);
    }

    /**
     * Connects to {@code url} as {@code user}; the password is only passed to the driver, never into a message.
     *
     * @param url the JDBC URL
     * @param user the database user
     * @param password the password, or {@code null}
     * @return an open connection; the caller closes it
     * @param loginTimeoutSeconds how long to wait for the server, 0 for the driver's default
     * @throws DatabaseException of kind {@link DatabaseException.Kind#NO_DRIVER}, {@link DatabaseException.Kind#AUTHENTICATION}
     *     or {@link DatabaseException.Kind#CONNECTION}, naming the URL with its credentials masked
     */
    public static Connection connect(String url, String user, String password, int loginTimeoutSeconds)
            throws DatabaseException {
        String shown = JdbcUrls.mask(url);
        Driver driver;
        try {
            driver = DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new DatabaseException(
                    DatabaseException.Kind.NO_DRIVER,
                    "no JDBC driver accepts " + shown
                            + "; glosa ships PostgreSQL's, put another database's driver jar in a folder named with --drivers"
                            + " or GLOSA_DRIVERS (docs/database.md)",
                    e);
        }
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        if (loginTimeoutSeconds > 0) {
            // PostgreSQL's and several other drivers read these; DriverManager's own time-out is global.
            props.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
            props.setProperty("connectTimeout", Integer.toString(loginTimeoutSeconds));
        }
        try {
            Connection c = driver.connect(url, props);
            if (c == null) {
                throw new DatabaseException(
                        DatabaseException.Kind.NO_DRIVER,
                        "the driver " + driver.getClass().getName() + " does not accept " + shown,
                        null);
            }
            return c;
        } catch (SQLException e) {
            throw Errors.of(e, "cannot connect to " + shown + " as '" + user + "'", password, 0);
        }
    }

    /** A driver of the application's class loader that passes every call to one of a foreign loader. */
    record Shim(Driver driver) implements Driver {
        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            return driver.connect(url, info);
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return driver.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return driver.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return driver.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return driver.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return driver.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return driver.getParentLogger();
        }
    }
}
