package dev.glosa.io.powerbi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library's version, from a resource Maven fills in at build time. */
final class GlosaVersion {
    private static final String VERSION = load();

    private GlosaVersion() {}

    static String get() {
        return VERSION;
    }

    static String java() {
        return Runtime.version().toString();
    }

    private static String load() {
        try (InputStream in = GlosaVersion.class.getResourceAsStream("glosa-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
