package dev.glosa.io.datasus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP mirror on the JDK's {@code com.sun.net.httpserver}: HEAD with Content-Length and ETag, GET with
 * {@code Range: bytes=N-}, 404 for a missing file, and faults injected per file name.
 */
final class HttpFixture implements AutoCloseable {

    /** What the server does wrong when it sends a file. */
    enum Fault {
        /** The first GET announces the whole length, sends half and drops the connection. */
        CUT_ONCE,
        /** Every request waits a second before answering. */
        SLOW,
        /** Like {@link #CUT_ONCE}, and {@code Range} is ignored: every GET sends the whole file with 200. */
        CUT_ONCE_NO_RANGE
    }

    final Path root;
    final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    private HttpFixture(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static HttpFixture start(Path root) throws IOException {
        return new HttpFixture(root);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int gets(String fileName) {
        AtomicInteger n = gets.get(fileName);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Path file = root.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
            String name = file.getFileName().toString();
            Fault fault = faults.get(name);
            if (fault == Fault.SLOW) {
                pause(1_000);
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            long size = Files.size(file);
            ex.getResponseHeaders()
                    .set(
                            "ETag",
                            "\"" + size + "-" + Files.getLastModifiedTime(file).toMillis() + "\"");
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.getResponseHeaders().set("Content-Length", Long.toString(size));
                ex.sendResponseHeaders(200, -1);
                return;
            }
            int n = gets.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            long from = 0;
            String range = ex.getRequestHeaders().getFirst("Range");
            if (range != null
                    && range.startsWith("bytes=")
                    && range.endsWith("-")
                    && fault != Fault.CUT_ONCE_NO_RANGE) {
                from = Long.parseLong(range.substring(6, range.length() - 1));
                ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (size - 1) + "/" + size);
                ex.sendResponseHeaders(206, size - from);
            } else {
                ex.sendResponseHeaders(200, size);
            }
            boolean cut = (fault == Fault.CUT_ONCE || fault == Fault.CUT_ONCE_NO_RANGE) && n == 1;
            long send = cut ? (size - from) / 2 : size - from;
            try (InputStream in = Files.newInputStream(file);
                    OutputStream out = ex.getResponseBody()) {
                in.skipNBytes(from);
                out.write(in.readNBytes((int) send));
                if (send < size - from) {
                    out.flush();
                    // Dropping the connection mid-body: the client sees fewer bytes than announced.
                    throw new IOException("cut on purpose");
                }
            }
        } catch (IOException e) {
            if (!"cut on purpose".equals(e.getMessage())) {
                throw e;
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
