package dev.glosa.io.datasus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glosa.io.generate.SihFileSet;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.io.sih.SihSystem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fetches generated and real SIH files from a real FTP server (Apache MINA) and an HTTP server (JDK) on loopback,
 * with the faults those servers inject: cut transfers, corrupt copies, a stalled server, a missing month, a mirror
 * down, every server stopped, and two fetches racing into one cache.
 */
class DatasusFetchTests {
    private static final YearMonth NOV = YearMonth.of(2021, 11);
    private static final YearMonth DEC = YearMonth.of(2021, 12);

    @TempDir
    Path dir;

    private Path served;
    private Path cache;
    private FtpFixture ftp;
    private HttpFixture http;
    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());
    private final List<FetchListener.Progress> progress = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    static Path generatedDir;

    private static SihFileSet generated;

    @BeforeAll
    static void generate() throws IOException {
        generated = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(3)
                        .withHospitals(4)
                        .withMonths(NOV, 2, 1)
                        .withClaimsPerHospitalMonth(150)),
                generatedDir);
    }

    @BeforeEach
    void serveGeneratedFiles() throws Exception {
        served = dir.resolve("server");
        cache = dir.resolve("cache");
        Path dados = served.resolve(SihFileName.CURRENT_FOLDER.substring(1));
        Files.createDirectories(dados);
        for (Path p : generated.all()) {
            Files.copy(p, dados.resolve(p.getFileName()));
        }
        ftp = FtpFixture.start(served);
        http = HttpFixture.start(served);
    }

    @AfterEach
    void stopServers() {
        ftp.close();
        http.close();
    }

    private FetchRequest request(List<SihFileName> files, URI... mirrors) {
        return FetchRequest.of(files)
                .withCache(cache)
                .withMirrors(List.of(mirrors))
                .withTimeout(Duration.ofMillis(400))
                .withRetries(3, Duration.ofMillis(5), Duration.ofMillis(40), 7)
                .withListener(new FetchListener() {
                    @Override
                    public void notice(String line) {
                        notices.add(line);
                    }

                    @Override
                    public void progress(FetchListener.Progress p) {
                        progress.add(p);
                    }
                });
    }

    private static List<SihFileName> window(SihSystem... groups) {
        return SihFileName.expand(List.of(groups), List.of("MT"), NOV, DEC);
    }

    private Path servedFile(SihFileName name) {
        return served.resolve(name.remotePath().substring(1));
    }

    private static String sha256(Path file) throws IOException {
        return HexFormat.of().formatHex(DbcCheck.sha256().digest(Files.readAllBytes(file)));
    }

    private void assertWholeCopies(FetchResult r) throws IOException {
        for (FetchResult.File f : r.files()) {
            assertThat(f.path()).isEqualTo(DatasusFiles.cached(cache, f.name()));
            assertThat(f.path()).hasSameBinaryContentAs(servedFile(f.name()));
            assertThat(f.sha256()).isEqualTo(sha256(f.path()));
            assertThat(Sidecar.read(f.path()).sha256()).isEqualTo(f.sha256());
        }
        assertNothingPartial();
    }

    private void assertNothingPartial() throws IOException {
        if (!Files.exists(cache)) {
            return;
        }
        try (Stream<Path> all = Files.walk(cache)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".part"));
        }
    }

    @Test
    void fetchesEachFileIntoTheCacheUnderItsRemotePathWithItsSidecarAndProgress() throws IOException {
        List<SihFileName> files = window(SihSystem.RD, SihSystem.RJ, SihSystem.ER);
        assertThat(generated.all()).hasSize(7);

        FetchResult r = DatasusFiles.fetch(request(files, ftp.uri()));

        assertThat(r.files()).extracting(FetchResult.File::name).containsExactlyElementsOf(files);
        assertThat(r.files()).extracting(FetchResult.File::origin).containsOnly(FetchResult.Origin.DOWNLOADED);
        assertThat(r.paths(SihSystem.RJ))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("RJMT2111.dbc", "RJMT2112.dbc");
        assertThat(r.paths(SihSystem.RD).get(0).toString())
                .endsWith(
                        "dissemin/publicos/SIHSUS/200801_/Dados/RDMT2111.dbc".replace('/', java.io.File.separatorChar));
        assertWholeCopies(r);
        assertThat(Sidecar.read(r.paths().get(0)).mirror()).isEqualTo(ftp.uri().toString());
        // Every file ends with a progress line whose bytes are the file's; the totals add up over the fetch.
        List<FetchListener.Progress> ends =
                progress.stream().filter(FetchListener.Progress::done).toList();
        assertThat(ends)
                .extracting(FetchListener.Progress::file)
                .containsExactlyInAnyOrderElementsOf(
                        files.stream().map(SihFileName::fileName).toList());
        assertThat(ends).allMatch(p -> p.fileBytes() == p.fileSize() && p.totalBytes() <= p.totalSize());
        long all = r.files().stream().mapToLong(FetchResult.File::size).sum();
        assertThat(ends.stream()
                        .mapToLong(FetchListener.Progress::totalBytes)
                        .max()
                        .orElseThrow())
                .isEqualTo(all);
        assertThat(ends.get(0).describe()).contains(".dbc").contains("kB").contains("/s");
    }

    @Test
    void aLaterFetchDownloadsOnlyTheFilesTheServerChanged() throws IOException {
        List<SihFileName> files = window(SihSystem.RJ, SihSystem.ER);
        DatasusFiles.fetch(request(files, ftp.uri()));
        assertThat(ftp.allTransfers()).isEqualTo(4);

        FetchResult again = DatasusFiles.fetch(request(files, ftp.uri()));
        assertThat(again.files()).extracting(FetchResult.File::origin).containsOnly(FetchResult.Origin.CACHE_CURRENT);
        assertThat(ftp.allTransfers()).isEqualTo(4);

        // DATASUS republishes a month: same name, new time (and here new bytes, from another month's file).
        SihFileName republished = new SihFileName(SihSystem.RJ, "MT", DEC);
        Files.copy(
                servedFile(new SihFileName(SihSystem.RJ, "MT", NOV)),
                servedFile(republished),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(servedFile(republished), FileTime.from(Instant.parse("2022-03-01T10:00:00Z")));
        FetchResult third = DatasusFiles.fetch(request(files, ftp.uri()));

        assertThat(third.files())
                .filteredOn(f -> f.origin() == FetchResult.Origin.DOWNLOADED)
                .extracting(FetchResult.File::name)
                .containsExactly(republished);
        assertThat(ftp.transfers(republished.fileName())).isEqualTo(2);
        assertThat(ftp.allTransfers()).isEqualTo(5);
        assertThat(third.notices()).anyMatch(n -> n.contains("RJMT2112.dbc changed on"));
        assertWholeCopies(third);
    }

    @Test
    void aCutFtpTransferResumesWhereItStoppedAndTheWholeFileChecks() throws IOException {
        SihFileName rd = new SihFileName(SihSystem.RD, "MT", NOV);
        ftp.faults.put(rd.fileName(), FtpFixture.Fault.CUT_ONCE);

        FetchResult r = DatasusFiles.fetch(request(List.of(rd), ftp.uri()));

        assertThat(ftp.transfers(rd.fileName())).isEqualTo(2);
        long half = Files.size(servedFile(rd)) / 2;
        assertThat(r.notices())
                .anyMatch(n -> n.contains("stopped at byte " + half))
                .anyMatch(n -> n.contains("resuming at byte " + half));
        assertWholeCopies(r);
    }

    /** With Range the second GET resumes; a server ignoring Range sends everything again, and the copy still checks. */
    @ParameterizedTest
    @EnumSource(
            value = HttpFixture.Fault.class,
            names = {"CUT_ONCE", "CUT_ONCE_NO_RANGE"})
    void aCutHttpTransferResumesWithARangeRequest(HttpFixture.Fault fault) throws IOException {
        SihFileName rd = new SihFileName(SihSystem.RD, "MT", DEC);
        http.faults.put(rd.fileName(), fault);

        FetchResult r = DatasusFiles.fetch(request(List.of(rd), http.uri()));

        assertThat(http.gets(rd.fileName())).isEqualTo(2);
        long half = Files.size(servedFile(rd)) / 2;
        assertThat(r.notices()).anyMatch(n -> n.contains("resuming at byte " + half));
        assertThat(r.files().get(0).origin()).isEqualTo(FetchResult.Origin.DOWNLOADED);
        assertWholeCopies(r);
    }

    @Test
    void aCorruptCopyIsFetchedAgainThenTakenFromTheNextMirror() throws IOException {
        SihFileName rj = new SihFileName(SihSystem.RJ, "MT", NOV);
        Path good = dir.resolve("good");
        Files.createDirectories(good.resolve(SihFileName.CURRENT_FOLDER.substring(1)));
        Files.copy(servedFile(rj), good.resolve(rj.remotePath().substring(1)));
        corruptCrc(servedFile(rj));

        try (HttpFixture goodHttp = HttpFixture.start(good)) {
            FetchResult r = DatasusFiles.fetch(request(List.of(rj), ftp.uri(), goodHttp.uri()));

            assertThat(ftp.transfers(rj.fileName())).isEqualTo(2);
            assertThat(goodHttp.gets(rj.fileName())).isEqualTo(1);
            assertThat(r.files().get(0).mirror()).isEqualTo(goodHttp.uri().toString());
            assertThat(r.files().get(0).path())
                    .hasSameBinaryContentAs(good.resolve(rj.remotePath().substring(1)));
            assertThat(r.notices())
                    .anyMatch(n -> n.contains("is corrupt")
                            && n.contains("CRC-32 mismatch")
                            && n.contains("fetching it again"));
        }
        assertNothingPartial();
    }

    @Test
    void aFileCorruptOnEveryMirrorIsAClearErrorAndNothingReachesTheCache() throws IOException {
        SihFileName rj = new SihFileName(SihSystem.RJ, "MT", NOV);
        corruptCrc(servedFile(rj));

        assertThatThrownBy(() -> DatasusFiles.fetch(request(List.of(rj), ftp.uri(), http.uri())))
                .isInstanceOfSatisfying(
                        DatasusException.class, e -> assertThat(e.kind()).isEqualTo(DatasusException.Kind.CORRUPT))
                .hasMessageContaining("RJMT2111.dbc")
                .hasMessageContaining(ftp.uri() + " sent a corrupt copy twice")
                .hasMessageContaining(http.uri() + " sent a corrupt copy twice")
                .hasMessageContaining("CRC-32")
                .hasMessageContaining("--mirror");
        assertThat(DatasusFiles.cached(cache, rj)).doesNotExist();
        assertNothingPartial();
    }

    @Test
    void aStalledServerTimesOutAndTheNextMirrorServes() throws IOException {
        SihFileName er = new SihFileName(SihSystem.ER, "MT", NOV);
        ftp.faults.put(er.fileName(), FtpFixture.Fault.SLOW);

        FetchResult r = DatasusFiles.fetch(request(List.of(er), ftp.uri(), http.uri())
                .withRetries(2, Duration.ofMillis(5), Duration.ofMillis(10), 3));

        assertThat(r.files().get(0).mirror()).isEqualTo(http.uri().toString());
        assertThat(r.notices()).anyMatch(n -> n.contains(ftp.uri().toString()) && n.contains("time-out 400 ms"));
        assertWholeCopies(r);
    }

    @Test
    void aStalledHttpServerIsAnErrorNamingTheTimeOutAndWhatToDo() {
        SihFileName er = new SihFileName(SihSystem.ER, "MT", NOV);
        http.faults.put(er.fileName(), HttpFixture.Fault.SLOW);

        assertThatThrownBy(() -> DatasusFiles.fetch(request(List.of(er), http.uri())
                        .withRetries(2, Duration.ofMillis(5), Duration.ofMillis(10), 3)))
                .isInstanceOfSatisfying(
                        DatasusException.class, e -> assertThat(e.kind()).isEqualTo(DatasusException.Kind.UNREACHABLE))
                .hasMessageContaining("cannot fetch ERMT2111.dbc")
                .hasMessageContaining("no answer within 400 ms")
                .hasMessageContaining("(2 tries)")
                .hasMessageContaining("--mirror");
    }

    @Test
    void aMissingMonthIsNamedWithTheMonthsItsGroupExistsFor() {
        SihFileName missing = new SihFileName(SihSystem.ER, "MT", YearMonth.of(2022, 1));

        assertThatThrownBy(() -> DatasusFiles.fetch(request(List.of(missing), ftp.uri(), http.uri())))
                .isInstanceOfSatisfying(
                        DatasusException.class, e -> assertThat(e.kind()).isEqualTo(DatasusException.Kind.NOT_FOUND))
                .hasMessageContaining("ERMT2201.dbc (ER MT 2022-01) is on none of the mirrors")
                .hasMessageContaining("550")
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("ER files exist only in /dissemin/publicos/SIHSUS/200801_/Dados/")
                .hasMessageContaining("--from/--to");
        assertThat(ftp.allTransfers()).isZero();
    }

    @Test
    void aMirrorThatIsDownIsSkippedForTheNext() throws IOException {
        URI down;
        try (ServerSocket s = new ServerSocket(0)) {
            down = URI.create("ftp://127.0.0.1:" + s.getLocalPort());
        }
        List<SihFileName> files = window(SihSystem.RJ);

        FetchResult r = DatasusFiles.fetch(request(files, down, ftp.uri()));

        assertThat(r.files())
                .extracting(FetchResult.File::mirror)
                .containsOnly(ftp.uri().toString());
        assertThat(r.notices())
                .anyMatch(n -> n.contains(down.toString()) && n.contains("cannot connect") && n.contains("try 2 of 3"));
        assertWholeCopies(r);
    }

    @Test
    void everyMirrorDownWithAnEmptyCacheSaysWhatEachSaidAndWhatToDo() throws IOException {
        URI down;
        try (ServerSocket s = new ServerSocket(0)) {
            down = URI.create("ftp://127.0.0.1:" + s.getLocalPort());
        }
        assertThatThrownBy(() -> DatasusFiles.fetch(request(window(SihSystem.RD), down)))
                .isInstanceOfSatisfying(
                        DatasusException.class, e -> assertThat(e.kind()).isEqualTo(DatasusException.Kind.UNREACHABLE))
                .hasMessageStartingWith("2 of 2 files could not be fetched")
                .hasMessageContaining("cannot fetch RDMT2111.dbc")
                .hasMessageContaining("cannot fetch RDMT2112.dbc")
                .hasMessageContaining(down + ": cannot connect")
                .hasMessageContaining("(3 tries)")
                .hasMessageContaining("--offline");
    }

    @Test
    void aWarmCacheServesWhenEveryServerIsStoppedAndOffline() throws IOException {
        List<SihFileName> files = window(SihSystem.RD, SihSystem.RJ);
        FetchResult first = DatasusFiles.fetch(request(files, ftp.uri(), http.uri()));
        ftp.close();
        http.close();

        FetchResult stopped = DatasusFiles.fetch(request(files, ftp.uri(), http.uri()));
        assertThat(stopped.paths()).isEqualTo(first.paths());
        assertThat(stopped.files())
                .extracting(FetchResult.File::origin)
                .containsOnly(FetchResult.Origin.CACHE_UNCHECKED);
        assertThat(stopped.notices())
                .filteredOn(n -> n.contains("no mirror answered") && n.contains("using the copy cached on"))
                .hasSize(files.size());

        FetchResult offline = DatasusFiles.fetch(request(files, ftp.uri()).withOffline(true));
        assertThat(offline.files())
                .extracting(FetchResult.File::sha256)
                .isEqualTo(first.files().stream().map(FetchResult.File::sha256).toList());
        assertThat(offline.notices()).isEmpty();

        assertThatThrownBy(() -> DatasusFiles.fetch(
                        request(window(SihSystem.ER), ftp.uri()).withOffline(true)))
                .isInstanceOfSatisfying(
                        DatasusException.class, e -> assertThat(e.kind()).isEqualTo(DatasusException.Kind.NOT_CACHED))
                .hasMessageContaining("ERMT2111.dbc")
                .hasMessageContaining("not in the cache")
                .hasMessageContaining("without --offline");
    }

    @Test
    void aFileInTheCacheWithoutItsRecordIsFetchedAgain() throws IOException {
        SihFileName rj = new SihFileName(SihSystem.RJ, "MT", NOV);
        Path target = DatasusFiles.cached(cache, rj);
        Files.createDirectories(target.getParent());
        Files.write(target, new byte[] {1, 2, 3});

        FetchResult r = DatasusFiles.fetch(request(List.of(rj), ftp.uri()));

        assertThat(r.files().get(0).origin()).isEqualTo(FetchResult.Origin.DOWNLOADED);
        assertWholeCopies(r);
    }

    @Test
    void twoThreadsAndAnotherProcessFillingOneCacheDownloadEachFileOnce() throws Exception {
        List<SihFileName> files = window(SihSystem.RD, SihSystem.RJ);
        for (SihFileName f : files) {
            ftp.faults.put(f.fileName(), FtpFixture.Fault.PACED);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-cp",
                dev.glosa.io.testing.ChildJvm.classPath(),
                FetchMain.class.getName(),
                cache.toString(),
                ftp.uri().toString()));
        files.forEach(f -> command.add(f.fileName()));
        Process other = new ProcessBuilder(command).redirectErrorStream(true).start();
        FetchRequest slowRequest = request(files, ftp.uri()).withTimeout(Duration.ofSeconds(5));
        CompletableFuture<FetchResult> a = CompletableFuture.supplyAsync(() -> fetchUnchecked(slowRequest));
        CompletableFuture<FetchResult> b = CompletableFuture.supplyAsync(() -> fetchUnchecked(slowRequest));
        List<String> printed;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            printed = out.lines().toList();
        }
        assertThat(other.waitFor()).as(String.join("\n", printed)).isZero();

        for (FetchResult r : List.of(a.get(), b.get())) {
            assertWholeCopies(r);
        }
        assertThat(printed.stream()
                        .filter(l -> l.endsWith(".dbc") || l.contains(" "))
                        .toList())
                .filteredOn(l -> l.matches("R[DJ]MT21\\d\\d\\.dbc \\w+ [0-9a-f]{64}"))
                .hasSize(files.size());
        for (SihFileName f : files) {
            assertThat(ftp.transfers(f.fileName())).as(f.fileName()).isEqualTo(1);
            String sha = sha256(servedFile(f));
            assertThat(printed).anyMatch(l -> l.startsWith(f.fileName() + " ") && l.endsWith(sha));
        }
    }

    @Test
    void aFileMirrorFindsACopyWhateverItsNamesCase() throws IOException {
        SihFileName rj = new SihFileName(SihSystem.RJ, "MT", DEC);
        Path copy = dir.resolve("copy");
        Path folder = copy.resolve(SihFileName.CURRENT_FOLDER.substring(1));
        Files.createDirectories(folder);
        Files.copy(servedFile(rj), folder.resolve("rjmt2112.DBC"));

        FetchResult r = DatasusFiles.fetch(request(List.of(rj), copy.toUri()));

        assertThat(r.files().get(0).path()).hasSameBinaryContentAs(servedFile(rj));
        assertThat(DatasusFiles.fetch(request(List.of(rj), copy.toUri()))
                        .files()
                        .get(0)
                        .origin())
                .isEqualTo(FetchResult.Origin.CACHE_CURRENT);
    }

    @Test
    void theRealDatasusFilesAreServedInBothFoldersAndFetchedWhole() throws IOException {
        Path shared = sharedDatasus();
        assumeTrue(shared != null, "../shared/data/datasus not found: skipping the fetch of the real DATASUS files");
        List<SihFileName> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(shared)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".dbc"))
                    .sorted()
                    .toList()) {
                SihFileName name = SihFileName.parse(p.getFileName().toString());
                Path to = servedFile(name);
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
                names.add(name);
            }
        }
        assertThat(names)
                .anyMatch(n -> n.folder().equals(SihFileName.OLD_FOLDER))
                .anyMatch(n -> n.folder().equals(SihFileName.CURRENT_FOLDER));

        FetchResult r = DatasusFiles.fetch(request(names, ftp.uri()).withTimeout(Duration.ofSeconds(5)));

        assertThat(r.files()).hasSize(names.size());
        for (FetchResult.File f : r.files()) {
            assertThat(f.sha256()).isEqualTo(sha256(shared.resolve(f.name().fileName())));
        }
        assertWholeCopies(r);
    }

    private static Path sharedDatasus() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data").resolve("datasus");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static FetchResult fetchUnchecked(FetchRequest request) {
        try {
            return DatasusFiles.fetch(request);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Flips the stored CRC-32 (the 4 bytes after the header): same size, every record intact, CRC wrong. */
    private static void corruptCrc(Path dbc) throws IOException {
        byte[] b = Files.readAllBytes(dbc);
        int headerLength = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
        b[headerLength] ^= 0x5A;
        Files.write(dbc, b);
    }
}
