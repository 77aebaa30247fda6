package dev.glosa.io.datasus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** An HTTP(S) copy of the server (the JDK's HttpClient): HEAD for size and version, Range to resume. */
final class HttpMirror implements Mirror {
    /** Closes stalled bodies: the JDK client's request time-out stops at the headers. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "glosa-datasus-http-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final URI uri;
    private final Duration timeout;
    private final HttpClient client;

    HttpMirror(URI uri, Duration timeout) {
        this.uri = uri;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String label() {
        return uri.toString();
    }

    @Override
    public Session open() {
        return new Session() {
            @Override
            public RemoteInfo stat(String path) throws IOException {
                HttpResponse<Void> r = send(
                        HttpRequest.newBuilder(target(path))
                                .timeout(timeout)
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                check(r.statusCode(), path);
                long size = r.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (size < 0) {
                    throw new IOException("HEAD " + path + " gave no Content-Length");
                }
                String version = r.headers()
                        .firstValue("ETag")
                        .or(() -> r.headers().firstValue("Last-Modified"))
                        .orElse("");
                return new RemoteInfo(size, version);
            }

            @Override
            public void download(String path, long offset, OutputStream out, Chunks progress) throws IOException {
                HttpRequest.Builder b =
                        HttpRequest.newBuilder(target(path)).timeout(timeout).GET();
                if (offset > 0) {
                    b.header("Range", "bytes=" + offset + "-");
                }
                HttpResponse<InputStream> r = send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    check(r.statusCode(), path);
                    if (offset > 0 && r.statusCode() == 200) {
                        // A server that ignores Range sends the whole file: the bytes already held are skipped.
                        in.skipNBytes(offset);
                    }
                    copy(in, out, progress);
                }
            }

            @Override
            public void close() {}
        };
    }

    private URI target(String path) {
        return URI.create(uri + path);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return client.send(request, handler);
        } catch (HttpTimeoutException e) {
            throw new IOException("no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void check(int status, String path) throws IOException {
        if (status == 404 || status == 410) {
            throw new NotFoundException("HTTP " + status + " for " + path);
        }
        if (status != 200 && status != 206) {
            throw new IOException("HTTP " + status + " for " + path);
        }
    }

    /** Copies the body, closing it if no byte arrives for the time-out. */
    private void copy(InputStream in, OutputStream out, Chunks progress) throws IOException {
        AtomicLong last = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        long limit = timeout.toNanos();
        ScheduledFuture<?> watch = WATCHDOG.scheduleAtFixedRate(
                () -> {
                    if (System.nanoTime() - last.get() > limit && stalled.compareAndSet(false, true)) {
                        try {
                            in.close();
                        } catch (IOException e) {
                            // closing is how the stalled read is stopped; its own failure changes nothing
                        }
                    }
                },
                Math.max(1, limit / 4),
                Math.max(1, limit / 4),
                TimeUnit.NANOSECONDS);
        try {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                last.set(System.nanoTime());
                out.write(buf, 0, n);
                progress.written(n);
            }
        } catch (IOException e) {
            if (stalled.get()) {
                throw new IOException("no data for " + timeout.toMillis() + " ms", e);
            }
            throw e;
        } finally {
            watch.cancel(false);
        }
        if (stalled.get()) {
            throw new IOException("no data for " + timeout.toMillis() + " ms");
        }
    }
}
