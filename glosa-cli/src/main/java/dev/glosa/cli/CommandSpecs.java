package dev.glosa.cli;

import dev.glosa.run.spi.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * Builds picocli's model of a command from option names, as the source and sink providers declare them, and turns
 * what picocli parsed back into {@link Options}: the providers keep their plain declarations, the parser gets every
 * option, its arity and its help/version switches.
 */
final class CommandSpecs {
    private CommandSpecs() {}

    /**
     * Declares {@code --name} for each of {@code valued} (one value, once; one or more values, possibly repeated,
     * for those also in {@code multi}) and each of {@code flags} (no value); a name declared already is skipped, so
     * that a provider may repeat a shared option.
     */
    static void options(CommandSpec spec, Set<String> valued, Set<String> multi, Set<String> flags) {
        // sorted: completion and error messages list the options in the same order on every run
        for (String name : new TreeSet<>(valued)) {
            if (spec.findOption("--" + name) == null) {
                boolean many = multi.contains(name);
                spec.addOption(OptionSpec.builder("--" + name)
                        .paramLabel(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))
                        .arity(many ? "1..*" : "1")
                        .type(many ? List.class : String.class)
                        .auxiliaryTypes(String.class)
                        .build());
            }
        }
        for (String name : new TreeSet<>(flags)) {
            if (spec.findOption("--" + name) == null) {
                spec.addOption(OptionSpec.builder("--" + name)
                        .arity("0")
                        .type(boolean.class)
                        .build());
            }
        }
    }

    /** Declares the command's arguments that are not options: one or more, labelled {@code label}. */
    static void positionals(CommandSpec spec, String label) {
        spec.addPositional(PositionalParamSpec.builder()
                .paramLabel(label)
                .arity("1..*")
                .required(true)
                .type(List.class)
                .auxiliaryTypes(String.class)
                .build());
    }

    /** What picocli matched for one command, as {@link Options}: values as typed, flags with none. */
    static Options toOptions(String command, ParseResult parsed) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (OptionSpec o : parsed.matchedOptions()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            values.put(o.longestName().substring(2), o.arity().max() == 0 ? List.of() : strings(o));
        }
        List<String> positional = new ArrayList<>();
        for (PositionalParamSpec p : parsed.matchedPositionals()) {
            positional.addAll(strings(p));
        }
        if (!positional.isEmpty()) {
            values.put("", positional);
        }
        return Options.of(command, values);
    }

    /**
     * The words of {@code known} that {@code typed} is probably a typo of: at most two edits away, or one a prefix of
     * the other, nearest first.
     */
    static List<String> nearest(String typed, java.util.Collection<String> known) {
        String t = typed.replaceFirst("^-+", "").replaceFirst("=.*$", "");
        List<String> near = new ArrayList<>();
        for (String k : known) {
            String w = k.replaceFirst("^-+", "");
            if (w.length() > 1 && t.length() > 1 && (distance(t, w) <= 2 || w.startsWith(t) || t.startsWith(w))) {
                near.add(k);
            }
        }
        near.sort(java.util.Comparator.comparingInt((String k) -> distance(t, k.replaceFirst("^-+", "")))
                .thenComparing(k -> k));
        return near;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(
                        Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    private static List<String> strings(ArgSpec arg) {
        return new ArrayList<>(arg.stringValues());
    }
}
