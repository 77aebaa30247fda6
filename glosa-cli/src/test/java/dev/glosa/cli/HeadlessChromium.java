package dev.glosa.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven over the DevTools protocol with the JDK's own WebSocket: open a page, collect
 * its console errors, evaluate an expression, take a screenshot. No driver, no download: the browser of the machine.
 */
final class HeadlessChromium implements AutoCloseable {
    /** The flags that work on a machine without network: no sandbox as root, no background traffic. */
    static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars");

    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    /** The Chromium on this machine, or {@code null} when it has none. */
    static Path find() {
        for (String name : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(name))) {
                return Path.of(name);
            }
        }
        return null;
    }

    HeadlessChromium(Path chromium, Path userDataDir) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(chromium.toString());
        cmd.addAll(FLAGS);
        cmd.add("--user-data-dir=" + userDataDir);
        cmd.add("--remote-debugging-port=0");
        cmd.add("about:blank");
        process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(userDataDir.resolveSibling("chromium.log").toFile())
                .start();
        Path portFile = userDataDir.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IOException("chromium did not start; see " + userDataDir.resolveSibling("chromium.log"));
            }
            Thread.sleep(100);
        }
        String port = Files.readAllLines(portFile).get(0).trim();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String target = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
                                .PUT(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher ws =
                Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"([^\"]+)\"").matcher(target);
        if (!ws.find()) {
            close();
            throw new IOException("chromium's /json/new gave no WebSocket: " + target);
        }
        socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(ws.group(1)), new Listener())
                .get(10, TimeUnit.SECONDS);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String m = message.toString();
                message.setLength(0);
                Matcher id = ID.matcher(m);
                if (id.find()) {
                    CompletableFuture<String> f = pending.remove(Integer.parseInt(id.group(1)));
                    if (f != null) {
                        f.complete(m);
                    }
                } else {
                    events.add(m);
                    if (m.contains("\"method\":\"Page.loadEventFired\"")) {
                        loaded.complete(null);
                    }
                }
            }
            ws.request(1);
            return null;
        }
    }

    /** Sends one command and waits for its answer, failing on a protocol error. */
    String send(String method, String paramsJson) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<String> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}", true)
                .get(10, TimeUnit.SECONDS);
        String m = answer.get(60, TimeUnit.SECONDS);
        if (m.contains("\"error\":{")) {
            throw new IOException(method + " failed: " + m);
        }
        return m;
    }

    /** Opens {@code file} at {@code width} CSS pixels and waits for its load event. */
    void open(Path file, int width) throws Exception {
        send("Page.enable", "{}");
        send("Runtime.enable", "{}");
        send("Log.enable", "{}");
        viewport(width, 900);
        loaded = new CompletableFuture<>();
        send("Page.navigate", "{\"url\":\"" + file.toUri() + "\"}");
        loaded.get(60, TimeUnit.SECONDS);
    }

    void viewport(int width, int height) throws Exception {
        send(
                "Emulation.setDeviceMetricsOverride",
                "{\"width\":" + width + ",\"height\":" + height + ",\"deviceScaleFactor\":1,\"mobile\":false}");
    }

    /** The page's console errors, uncaught exceptions and error log entries (a refused load, a CSP violation). */
    List<String> errors() {
        synchronized (events) {
            return events.stream()
                    .filter(e -> e.contains("\"method\":\"Runtime.exceptionThrown\"")
                            || e.contains("\"method\":\"Runtime.consoleAPICalled\"") && e.contains("\"type\":\"error\"")
                            || e.contains("\"method\":\"Log.entryAdded\"") && e.contains("\"level\":\"error\""))
                    .toList();
        }
    }

    /** The value of a JavaScript expression that yields a JSON string, as that string. */
    String evaluate(String expression) throws Exception {
        String m = send(
                "Runtime.evaluate",
                "{\"expression\":\"" + expression.replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\",\"returnByValue\":true}");
        Matcher v = Pattern.compile("\"value\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m);
        if (!v.find()) {
            throw new IOException("no string value in " + m);
        }
        return v.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** A PNG of the page from its top, {@code width} by {@code height} CSS pixels. */
    byte[] screenshot(int width, int height) throws Exception {
        String m = send(
                "Page.captureScreenshot",
                "{\"format\":\"png\",\"captureBeyondViewport\":true," + "\"clip\":{\"x\":0,\"y\":0,\"width\":" + width
                        + ",\"height\":" + height + ",\"scale\":1}}");
        Matcher d = Pattern.compile("\"data\":\"([^\"]+)\"").matcher(m);
        if (!d.find()) {
            throw new IOException("no screenshot in the answer");
        }
        return java.util.Base64.getDecoder().decode(d.group(1));
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        // Only the browser this object started, and the processes it started.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
