package dev.glosa.cli;

import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
import dev.glosa.io.dbf.DbfField;
import dev.glosa.io.sih.FileInspection;
import dev.glosa.io.sih.FileInspector;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/** {@code glosa inspect}: what a DATASUS file is, without reading it into a table. */
final class InspectCommand implements Command {

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String summary(Language language) {
        return Messages.of(language).text("command.inspect");
    }

    @Override
    public String help(Language language) {
        return GlosaCli.helpText("inspect", language);
    }

    @Override
    public void declare(CommandSpec spec) {
        CommandSpecs.options(spec, Set.of(), Set.of(), Set.of("json", "verbose"));
        CommandSpecs.positionals(spec, "FILE");
    }

    @Override
    public void run(dev.glosa.run.spi.Options args, Console console) {
        boolean json = args.has("json");
        int failed = 0;
        for (String name : args.positional()) {
            Path file = Path.of(name);
            if (java.nio.file.Files.isDirectory(file)) {
                console.info("glosa inspect: " + file + ": is a folder; give the files in it (e.g. " + file
                        + java.io.File.separator + "*.dbc)");
                failed++;
                continue;
            }
            try {
                FileInspection i = FileInspector.inspect(file);
                console.println(json ? i.toJson() : text(i));
                if (Boolean.FALSE.equals(i.crcOk())) {
                    console.info("glosa inspect: " + file
                            + ": CRC-32 of the decompressed data does not match the one stored in the file");
                    failed++;
                }
            } catch (NoSuchFileException e) {
                console.info("glosa inspect: " + file + ": file not found");
                failed++;
            } catch (IOException | RuntimeException e) {
                String line = oneLine(e);
                // The JDK's own I/O messages ("Is a directory", "Permission denied") do not say which file.
                console.info("glosa inspect: " + (line.contains(file.toString()) ? line : file + ": " + line));
                failed++;
            }
        }
        if (failed > 0) {
            throw new CliException(
                    CliException.USAGE,
                    failed + " of " + args.positional().size() + " file(s) are damaged or unreadable (see above)");
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static String text(FileInspection i) {
        StringBuilder sb = new StringBuilder();
        sb.append(i.file()).append('\n');
        sb.append("  format:  ")
                .append(i.format().name().toLowerCase(java.util.Locale.ROOT))
                .append('\n');
        sb.append("  layout:  ")
                .append(
                        i.layout() == null
                                ? "not a known SIH layout"
                                : i.layout().label())
                .append('\n');
        sb.append(String.format(
                "  records: %,d (header says %,d; %,d deleted)%n", i.records(), i.recordsDeclared(), i.deleted()));
        sb.append("  crc:     ")
                .append(i.crcOk() == null ? "n/a (.dbf)" : i.crcOk() ? "ok" : "MISMATCH")
                .append('\n');
        sb.append("  fields:  ").append(i.fields().size()).append(':');
        int col = 0;
        for (DbfField f : i.fields()) {
            String d = " " + f.name() + "(" + f.type().code() + f.length()
                    + (f.decimals() > 0 ? "." + f.decimals() : "") + ")";
            if (col + d.length() > 100) {
                sb.append("\n          ");
                col = 0;
            }
            sb.append(d);
            col += d.length();
        }
        for (String w : i.warnings()) {
            sb.append("\n  warning: ").append(w);
        }
        return sb.toString();
    }
}
