package dev.glosa.io.testing;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** The class path a test gives a second JVM it starts, whether the tests run on the class path or the module path. */
public final class ChildJvm {
    private ChildJvm() {}

    /**
     * Everything this JVM sees, as one class path: the module path (where {@code dev.glosa.io} and its modules sit
     * when the tests run inside the module), the class path, and the test classes themselves (patched into the
     * module, so on neither path).
     */
    public static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        try {
            entries.add(Path.of(ChildJvm.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (String property : new String[] {"jdk.module.path", "java.class.path"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                for (String entry : value.split(File.pathSeparator)) {
                    entries.add(entry);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
