package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A static check of {@code bin/glosa.cmd}, which cannot be run here: cmd.exe expands {@code %VAR%} when it reads a
 * whole parenthesised block, so a value holding {@code )} (as {@code C:\Program Files (x86)}) ends the block early.
 * The check by hand on Windows is described in docs/scheduling.md.
 */
class GlosaCmdLauncherTests {
    private static final Pattern VARIABLE = Pattern.compile("%[A-Za-z_][A-Za-z0-9_]*%");

    @Test
    void theLauncherExpandsNoVariableInsideAParenthesisedBlock() throws IOException {
        assertThat(variablesInsideBlocks(launcher())).isEmpty();
    }

    @Test
    void theCheckFindsTheExpansionThatBrokeTheLauncherUnderProgramFilesX86() {
        String before = "if not exist \"%JAR%\" (\r\n  echo glosa: %JAR% not found 1>&2\r\n  exit /b 2\r\n)\r\n";
        assertThat(variablesInsideBlocks(before)).containsExactly("line 2: %JAR%");
    }

    @Test
    void aBlockOpenedAndClosedOnOneLineIsCheckedToo() {
        assertThat(variablesInsideBlocks("if x==y (echo %A%) else (echo ok)\r\n"))
                .containsExactly("line 1: %A%");
        assertThat(variablesInsideBlocks("echo \"(%A%)\"\r\nif defined B set \"C=%B%\"\r\n"))
                .isEmpty();
    }

    @Test
    void everyLineEndsWithCarriageReturnLineFeed() throws IOException {
        // With bare LF, cmd.exe can miss a goto label that falls on a 512-byte boundary.
        String text = launcher();
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(text).endsWith("\r\n");
    }

    @Test
    void theLauncherPassesEveryArgumentAndTheExitStatusThrough() throws IOException {
        String text = launcher();
        assertThat(text)
                .contains("-jar \"%JAR%\" %*")
                .contains("exit /b %ERRORLEVEL%")
                .contains("setlocal");
    }

    private static String launcher() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        Path cmd = here.resolve("bin/glosa.cmd");
        if (!Files.exists(cmd)) {
            cmd = here.resolveSibling("bin").resolve("glosa.cmd");
        }
        return Files.readString(cmd, StandardCharsets.US_ASCII);
    }

    /** Every {@code %VAR%} that sits inside a block, as "line N: %VAR%"; parentheses inside quotes do not count. */
    static List<String> variablesInsideBlocks(String script) {
        List<String> found = new ArrayList<>();
        int depth = 0;
        String[] lines = script.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.regionMatches(true, 0, "rem ", 0, 4) || line.startsWith("::")) {
                continue;
            }
            boolean quoted = false;
            int blockStart = depth > 0 ? 0 : -1;
            List<int[]> spans = new ArrayList<>();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == '(') {
                    if (depth++ == 0) {
                        blockStart = i;
                    }
                } else if (!quoted && c == ')' && depth > 0) {
                    if (--depth == 0) {
                        spans.add(new int[] {blockStart, i});
                        blockStart = -1;
                    }
                }
            }
            if (blockStart >= 0) {
                spans.add(new int[] {blockStart, line.length()});
            }
            Matcher m = VARIABLE.matcher(line);
            while (m.find()) {
                for (int[] s : spans) {
                    if (m.start() > s[0] && m.start() < s[1]) {
                        found.add("line " + (n + 1) + ": " + m.group());
                        break;
                    }
                }
            }
        }
        return found;
    }
}
