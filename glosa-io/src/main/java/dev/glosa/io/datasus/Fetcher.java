package dev.glosa.io.datasus;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** One fetch: each file under its cache lock, mirrors in order, tries with back-off, at most N files at once. */
final class Fetcher {
    private final FetchRequest request;
    private final List<Mirror> mirrors;
    private final Meter meter;
    private final Random jitter;
    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());

    Fetcher(FetchRequest request) {
        this.request = request;
        this.mirrors = request.mirrors().stream()
                .map(u -> Mirror.of(u, request.timeout()))
                .toList();
        this.meter = new Meter(request.listener());
        this.jitter = new Random(request.seed());
    }

    FetchResult run() throws IOException {
        List<SihFileName> files = request.files();
        if (files.isEmpty()) {
            return new FetchResult(List.of(), List.of());
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.connections(), files.size()), r -> {
            Thread t = new Thread(r, "glosa-datasus-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FetchResult.File>> futures = new ArrayList<>();
            for (SihFileName f : files) {
                futures.add(pool.submit(() -> fetch(f)));
            }
            List<FetchResult.File> done = new ArrayList<>();
            List<DatasusException> failed = new ArrayList<>();
            for (Future<FetchResult.File> f : futures) {
                try {
                    done.add(f.get());
                } catch (ExecutionException e) {
                    failed.add(asDatasus(e.getCause()));
                }
            }
            if (failed.size() == 1) {
                throw failed.get(0);
            }
            if (!failed.isEmpty()) {
                DatasusException all = new DatasusException(
                        failed.get(0).kind(),
                        failed.size() + " of " + files.size()
                                + " files could not be fetched. "
                                + String.join(
                                        " | ",
                                        failed.stream()
                                                .map(Throwable::getMessage)
                                                .toList()));
                failed.forEach(all::addSuppressed);
                throw all;
            }
            return new FetchResult(done, List.copyOf(notices));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching DATASUS files");
        } finally {
            pool.shutdownNow();
        }
    }

    private static DatasusException asDatasus(Throwable t) throws IOException {
        if (t instanceof DatasusException d) {
            return d;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    private void notice(String line) {
        notices.add(line);
        request.listener().notice(line);
    }

    /** The outcome of one mirror for one file. */
    private enum Outcome {
        FOUND,
        NOT_FOUND,
        CORRUPT,
        FAILED
    }

    private record Attempt(Outcome outcome, FetchResult.File file) {}

    @SuppressWarnings("try") // the lock guards the body; it is never called
    private FetchResult.File fetch(SihFileName name) throws IOException {
        Path target = DatasusFiles.cached(request.cache(), name);
        Files.createDirectories(target.getParent());
        try (CacheLock lock = CacheLock.acquire(target, this::notice)) {
            Sidecar cached = cachedCopy(target);
            if (request.offline()) {
                if (cached == null) {
                    throw new DatasusException(
                            DatasusException.Kind.NOT_CACHED,
                            name + " is not in the cache ("
                                    + target
                                    + ") and offline mode forbids downloading it: run once without --offline, or "
                                    + "copy the file there");
                }
                return result(name, target, FetchResult.Origin.CACHE_UNCHECKED, cached);
            }
            List<String> said = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>();
            for (Mirror m : mirrors) {
                Attempt a = fromMirror(m, name, target, cached, said);
                if (a.outcome() == Outcome.FOUND) {
                    return a.file();
                }
                outcomes.add(a.outcome());
            }
            boolean nowhere = outcomes.stream().allMatch(o -> o == Outcome.NOT_FOUND);
            if (cached != null) {
                notice(name.fileName() + ": " + (nowhere ? "no mirror has it any more" : "no mirror answered") + " ("
                        + String.join("; ", said) + "); using the copy cached on " + cached.fetched() + " from "
                        + cached.mirror());
                return result(name, target, FetchResult.Origin.CACHE_UNCHECKED, cached);
            }
            throw failure(name, said, outcomes);
        }
    }

    /** The cached copy's record, or {@code null} if the file is absent or not known to be whole. */
    private Sidecar cachedCopy(Path target) throws IOException {
        if (!Files.isRegularFile(target)) {
            return null;
        }
        Sidecar s = Sidecar.read(target);
        if (s == null || Files.size(target) != s.size() || s.sha256().isEmpty()) {
            notice(target.getFileName() + " in the cache has no valid record of its source; fetching it again");
            return null;
        }
        return s;
    }

    private Attempt fromMirror(Mirror m, SihFileName name, Path target, Sidecar cached, List<String> said)
            throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        int corrupt = 0;
        IOException last = null;
        for (int attempt = 1; attempt <= request.attempts(); attempt++) {
            try (Mirror.Session s = m.open()) {
                RemoteInfo info = s.stat(name.remotePath());
                if (cached != null && cached.matches(info)) {
                    return new Attempt(Outcome.FOUND, result(name, target, FetchResult.Origin.CACHE_CURRENT, cached));
                }
                if (cached != null && attempt == 1) {
                    notice(name.fileName() + " changed on " + m.label() + " (" + info.size() + " bytes, "
                            + info.version() + "; cached: " + cached.size() + " bytes, " + cached.version()
                            + "); fetching it again");
                }
                return new Attempt(Outcome.FOUND, transfer(s, m, name, info, part, target));
            } catch (NotFoundException e) {
                said.add(m.label() + " has no " + name.remotePath() + " (" + e.getMessage() + ")");
                return new Attempt(Outcome.NOT_FOUND, null);
            } catch (CorruptException e) {
                last = e;
                if (++corrupt >= 2) {
                    said.add(m.label() + " sent a corrupt copy twice (" + e.getMessage() + ")");
                    return new Attempt(Outcome.CORRUPT, null);
                }
                notice(name.fileName() + " from " + m.label() + " is corrupt (" + e.getMessage()
                        + "); fetching it again");
            } catch (IOException e) {
                if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
                    throw e;
                }
                last = e;
                if (attempt < request.attempts()) {
                    Duration pause = pause(attempt);
                    notice(name.fileName() + ": " + m.label() + ": " + describe(e) + "; try " + (attempt + 1) + " of "
                            + request.attempts() + " in " + pause.toMillis() + " ms");
                    sleep(pause);
                }
            }
        }
        said.add(m.label() + ": " + describe(last) + " (" + request.attempts() + " tries)");
        return new Attempt(Outcome.FAILED, null);
    }

    /** Downloads into {@code part} (resuming it when it holds the start of the same file), checks, moves into place. */
    private FetchResult.File transfer(
            Mirror.Session s, Mirror m, SihFileName name, RemoteInfo info, Path part, Path target) throws IOException {
        long offset = resumable(part, info);
        if (offset == 0) {
            Files.deleteIfExists(part);
            new Sidecar(info.size(), info.version(), "", m.label(), Instant.now()).write(part);
        } else {
            notice(name.fileName() + ": resuming at byte " + offset + " of " + info.size() + " from " + m.label());
        }
        Meter.File progress = meter.file(name.fileName(), offset, info.size());
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            s.download(name.remotePath(), offset, out, progress::written);
        } catch (IOException e) {
            if (offset > 0 && Files.size(part) == offset && !(e instanceof NotFoundException)) {
                // A resume that gained nothing (a server refusing REST, say) is not tried again: the next try
                // starts from the first byte.
                deletePart(part);
            }
            throw e;
        } finally {
            progress.end(Files.exists(part) && Files.size(part) == info.size());
        }
        long got = Files.size(part);
        if (got < info.size()) {
            throw new IOException("the transfer stopped at byte " + got + " of " + info.size());
        }
        if (got > info.size()) {
            deletePart(part);
            throw new IOException("sent " + got + " bytes but announced " + info.size());
        }
        String sha;
        try {
            sha = DbcCheck.verify(part, name.fileName());
        } catch (CorruptException e) {
            deletePart(part);
            throw e;
        }
        Sidecar record = new Sidecar(info.size(), info.version(), sha, m.label(), Instant.now());
        // Without its record a file is never taken as whole, so a crash between these steps costs a download only.
        Sidecar.delete(target);
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        record.write(target);
        Sidecar.delete(part);
        return result(name, target, FetchResult.Origin.DOWNLOADED, record);
    }

    /** The bytes of {@code part} worth keeping: the start of the same file the server now announces, else 0. */
    private static long resumable(Path part, RemoteInfo info) throws IOException {
        if (!Files.isRegularFile(part)) {
            return 0;
        }
        Sidecar started = Sidecar.read(part);
        long have = Files.size(part);
        return started != null && started.matches(info) && have < info.size() ? have : 0;
    }

    private static void deletePart(Path part) throws IOException {
        Files.deleteIfExists(part);
        Sidecar.delete(part);
    }

    private static FetchResult.File result(SihFileName name, Path target, FetchResult.Origin origin, Sidecar s) {
        return new FetchResult.File(name, target, origin, s.mirror(), s.size(), s.sha256());
    }

    private DatasusException failure(SihFileName name, List<String> said, List<Outcome> outcomes) {
        String tried = String.join("; ", said);
        if (outcomes.stream().allMatch(o -> o == Outcome.NOT_FOUND)) {
            return new DatasusException(
                    DatasusException.Kind.NOT_FOUND,
                    name + " is on none of the mirrors: " + tried + ". " + SihFileName.availability(name.group())
                            + ": check the months (--from/--to) and states (--uf)");
        }
        if (outcomes.stream().allMatch(o -> o == Outcome.CORRUPT || o == Outcome.NOT_FOUND)) {
            return new DatasusException(
                    DatasusException.Kind.CORRUPT,
                    "cannot fetch " + name + ": " + tried
                            + ". Every copy received failed its CRC-32 check: the mirrors hold a damaged file; add another "
                            + "mirror with --mirror URL, or try again later (DATASUS republishes files)");
        }
        String advice = request.mirrors().contains(FetchRequest.DATASUS)
                ? "ftp.datasus.gov.br answers only some networks (often only Brazilian ones) and is often slow or down: "
                        + "try again later or from another network, or add a mirror with --mirror URL (an HTTP(S) copy, "
                        + "or file:/folder holding dissemin/publicos/SIHSUS/...)"
                : "check that the mirrors are up and reachable from here, or add another with --mirror URL";
        return new DatasusException(
                DatasusException.Kind.UNREACHABLE,
                "cannot fetch " + name + ": " + tried + ". " + advice
                        + "; files already cached are used with --offline; see docs/fetching.md");
    }

    private String describe(IOException e) {
        if (e == null) {
            return "no answer";
        }
        String msg = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().strip();
        if (e instanceof UnknownHostException) {
            return "unknown host " + msg + " (no DNS: offline?)";
        }
        if (e instanceof SocketTimeoutException) {
            return msg + " (time-out " + request.timeout().toMillis() + " ms)";
        }
        if (e instanceof java.net.ConnectException) {
            return "cannot connect: " + msg;
        }
        return msg;
    }

    /** The pause after try {@code attempt}: the back-off doubled per try, capped, half of it jittered. */
    private Duration pause(int attempt) {
        long base = request.backoff().toMillis() << Math.min(20, attempt - 1);
        long capped = Math.min(base, request.maxBackoff().toMillis());
        double r;
        synchronized (jitter) {
            r = jitter.nextDouble();
        }
        return Duration.ofMillis(capped / 2 + (long) (r * (capped - capped / 2)));
    }

    private static void sleep(Duration d) throws InterruptedIOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to try again");
        }
    }
}
