package dev.glosa.io.powerbi;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A temporary table file in UTF-8 that is on the disk, not only in a cache, once closed: the commit renames it into
 * place next, and a rename must never publish half a file after a power cut.
 */
final class DurableCsv implements Closeable {
    private final FileChannel channel;
    private final Writer writer;
    private final Csv.Out out;

    private DurableCsv(FileChannel channel, Writer writer) {
        this.channel = channel;
        this.writer = writer;
        this.out = new Csv.Out(writer);
    }

    /** Creates or truncates {@code temp}, starting it with a UTF-8 byte order mark when {@code bom}. */
    static DurableCsv create(Path temp, boolean bom) throws IOException {
        FileChannel ch = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        Writer w = new BufferedWriter(
                new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8.newEncoder()), 1 << 16);
        try {
            if (bom) {
                w.write('\uFEFF');
            }
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new DurableCsv(ch, w);
    }

    /** The records' writer. */
    Csv.Out out() {
        return out;
    }

    /** Flushes, forces the bytes to the disk and closes. */
    @Override
    public void close() throws IOException {
        try (FileChannel ch = channel;
                Writer w = writer) {
            w.flush();
            ch.force(true);
        }
    }
}
