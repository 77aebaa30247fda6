package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command's help in English and in Portuguese ({@code --lang}, else the system's language): the same options in
 * both, so a translation cannot forget one, and every option the parser accepts is described.
 */
class HelpLanguageTests {
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");

    @ParameterizedTest
    @ValueSource(strings = {"demo", "sus", "csv", "sql", "tiss", "inspect", "fetch", "report", "completion"})
    void eachCommandsHelpIsInBothLanguagesWithTheSameOptions(String command) {
        CliRun en = CliRun.of(command, "--help", "--lang", "en");
        CliRun pt = CliRun.of(command, "--help", "--lang", "pt-BR");

        assertThat(en.status).as(en.toString()).isZero();
        assertThat(pt.status).as(pt.toString()).isZero();
        assertThat(en.out).startsWith("Usage: glosa " + command);
        assertThat(pt.out).startsWith("Uso: glosa " + command);
        assertThat(options(pt.out)).as(command).isEqualTo(options(en.out));
        // every option the parser accepts is in the help
        TreeSet<String> declared = new TreeSet<>();
        new GlosaCli(Console.system())
                .parser()
                .getSubcommands()
                .get(command)
                .getCommandSpec()
                .options()
                .forEach(o -> declared.add(o.longestName()));
        declared.removeAll(List.of("--help", "--version"));
        assertThat(options(en.out)).as(command).containsAll(declared);
    }

    @Test
    void theCommandListFollowsTheSystemsLanguage() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("pt-BR"));
            CliRun pt = CliRun.of("--help");
            Locale.setDefault(Locale.ENGLISH);
            CliRun en = CliRun.of("--help");

            assertThat(pt.out).contains("Uso: glosa COMANDO [OPÇÕES]").contains("concilia arquivos SIH do DATASUS");
            assertThat(en.out)
                    .contains("Usage: glosa COMMAND [OPTIONS]")
                    .contains("reconcile DATASUS SIH files")
                    .contains("the command's)");
            assertThat(commands(pt.out)).isEqualTo(commands(en.out));
        } finally {
            Locale.setDefault(saved);
        }
    }

    private static TreeSet<String> options(String help) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = OPTION.matcher(help);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The first word of each line of the command list. */
    private static List<String> commands(String usage) {
        List<String> out = new ArrayList<>();
        for (String line : usage.split("\n")) {
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                out.add(line.strip().split(" ")[0]);
            }
        }
        return out;
    }
}
