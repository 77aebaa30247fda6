package dev.glosa.io.datasus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A folder laid out as the DATASUS server ({@code file:/copy} holding {@code dissemin/publicos/SIHSUS/...}). */
final class FileMirror implements Mirror, Mirror.Session {
    private final URI uri;
    private final Path root;

    FileMirror(URI uri) {
        this.uri = uri;
        this.root = Path.of(uri);
    }

    @Override
    public String label() {
        return uri.toString();
    }

    @Override
    public Session open() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "the mirror folder does not exist");
        }
        return this;
    }

    @Override
    public RemoteInfo stat(String path) throws IOException {
        Path file = resolve(path);
        return new RemoteInfo(
                Files.size(file), Files.getLastModifiedTime(file).toInstant().toString());
    }

    @Override
    public void download(String path, long offset, OutputStream out, Chunks progress) throws IOException {
        try (InputStream in = Files.newInputStream(resolve(path))) {
            in.skipNBytes(offset);
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                progress.written(n);
            }
        }
    }

    @Override
    public void close() {}

    /** The file, found without regard to case (a copy made on Windows may say {@code rdmt2111.DBC}). */
    private Path resolve(String path) throws IOException {
        Path file = root.resolve(path.substring(1));
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path dir = file.getParent();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    if (p.getFileName()
                                    .toString()
                                    .equalsIgnoreCase(file.getFileName().toString())
                            && Files.isRegularFile(p)) {
                        return p;
                    }
                }
            }
        }
        throw new NotFoundException("no file " + file);
    }
}
