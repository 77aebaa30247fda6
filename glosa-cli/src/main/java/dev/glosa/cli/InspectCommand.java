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
        CommandSpecs.options(spec, Set.of("lang"), Set.of(), Set.of("json", "verbose"));
        CommandSpecs.positionals(spec, "FILE");
    }

    @Override
    public void run(dev.glosa.run.spi.Options args, Console console) {
        boolean json = args.has("json");
        Messages text = Messages.of(console.language());
        int failed = 0;
        for (String name : args.positional()) {
            Path file = Path.of(name);
            if (java.nio.file.Files.isDirectory(file)) {
                console.info(
                        "glosa inspect: " + text.text("inspect.folder", file, file + java.io.File.separator + "*.dbc"));
                failed++;
                continue;
            }
            try {
                FileInspection i = FileInspector.inspect(file);
                console.println(json ? i.toJson() : text(i, text));
                if (Boolean.FALSE.equals(i.crcOk())) {
                    console.info("glosa inspect: " + text.text("inspect.crc", file));
                    failed++;
                }
            } catch (NoSuchFileException e) {
                console.info("glosa inspect: " + text.text("error.fileNotFound", file));
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
                    text.text("inspect.failed", failed, args.positional().size()));
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static String text(FileInspection i, Messages text) {
        StringBuilder sb = new StringBuilder();
        sb.append(i.file()).append('\n');
        sb.append(text.text("inspect.format", i.format().name().toLowerCase(java.util.Locale.ROOT)))
                .append('\n');
        sb.append(text.text(
                        "inspect.layout",
                        i.layout() == null
                                ? text.text("inspect.noLayout")
                                : i.layout().label()))
                .append('\n');
        sb.append(text.text(
                        "inspect.records",
                        text.number(i.records()),
                        text.number(i.recordsDeclared()),
                        text.number(i.deleted())))
                .append('\n');
        sb.append(text.text(
                        "inspect.crcLine",
                        i.crcOk() == null
                                ? text.text("inspect.crcNone")
                                : i.crcOk() ? "ok" : text.text("inspect.crcMismatch")))
                .append('\n');
        sb.append(text.text("inspect.fields", i.fields().size())).append(':');
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
            sb.append("\n  ").append(text.text("warning", w));
        }
        return sb.toString();
    }
}
