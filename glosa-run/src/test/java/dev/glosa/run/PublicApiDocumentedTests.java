package dev.glosa.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public type and member of the library modules glosa-run sees (glosa-core, glosa-io, glosa-cluster and
 * glosa-run) is fully documented: javadoc with doclint {@code all} finds no missing comment, {@code @param},
 * {@code @return} or {@code @throws}. The release build cannot enforce it with {@code failOnWarnings} where
 * glosa-cluster is involved (javadoc always warns that the incubating Vector module it uses is present), so this test
 * runs javadoc itself and looks at those warnings only.
 */
class PublicApiDocumentedTests {
    @TempDir
    Path out;

    /** The modules checked, as folders beside glosa-run's. */
    private static final List<String> MODULES = List.of("glosa-core", "glosa-io", "glosa-cluster", "glosa-run");

    @Test
    void javadocFindsNoMissingCommentOrTag() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String module : MODULES) {
            try (Stream<Path> walk = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                // module-info is left out: the sources are documented on the class path, as a class-path user sees
                // them
                walk.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> !p.getFileName().toString().equals("module-info.java"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Writer console = new StringWriter();
        try (StandardJavaFileManager fm = javadoc.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of(
                    "-Xdoclint:all",
                    "-Xmaxwarns",
                    "10000",
                    "-quiet",
                    "-d",
                    out.toString(),
                    "-classpath",
                    // the tests run on the module path: the dependencies are there, not on the class path
                    String.join(
                            java.io.File.pathSeparator,
                            System.getProperty("java.class.path", ""),
                            System.getProperty("jdk.module.path", "")),
                    "--add-modules",
                    "jdk.incubator.vector");
            boolean ok = javadoc.getTask(console, fm, diagnostics, null, options, fm.getJavaFileObjectsFromPaths(files))
                    .call();
            assertThat(ok)
                    .as("javadoc ran: %s %s", console, errors(diagnostics))
                    .isTrue();
        }
        List<String> missing = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            String message = d.getMessage(Locale.ROOT);
            if (message.startsWith("no @") || message.equals("no comment")) {
                missing.add((d.getSource() == null
                                ? "?"
                                : Path.of(d.getSource().toUri()).getFileName()) + ":" + d.getLineNumber() + ": "
                        + message);
            }
        }
        assertThat(missing)
                .as("public API of %s without its documentation", MODULES)
                .isEmpty();
    }

    private static List<String> errors(DiagnosticCollector<JavaFileObject> diagnostics) {
        List<String> out = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                out.add(d.getSource() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
            }
        }
        return out.subList(0, Math.min(5, out.size()));
    }
}
