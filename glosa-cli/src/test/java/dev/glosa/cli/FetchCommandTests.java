package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.io.datasus.SihFileName;
import dev.glosa.io.generate.SihFileSet;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glosa fetch} and {@code glosa sus --uf} against a real FTP server (Apache MINA) on loopback serving generated
 * SIH files in the DATASUS layout: the fetched analysis equals the analysis of the same files given by hand.
 */
class FetchCommandTests {
    private static final String AS_OF = "2026-11-23";

    @TempDir
    Path dir;

    private SihFileSet files;
    private FtpServer server;
    private String mirror;
    private Path cache;

    @BeforeEach
    void serve() throws Exception {
        Path root = dir.resolve("server");
        // June to December 2021 in RJ and ER, to March 2022 in RD: the reference analysis's window, Mato Grosso.
        files = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(5).withTotalClaims(3000)),
                root.resolve(SihFileName.CURRENT_FOLDER.substring(1)));
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        factory.addListener("default", listener.createListener());
        var users = new PropertiesUserManagerFactory().createUserManager();
        BaseUser anonymous = new BaseUser();
        anonymous.setName("anonymous");
        anonymous.setHomeDirectory(root.toString());
        users.save(anonymous);
        factory.setUserManager(users);
        server = factory.createServer();
        server.start();
        mirror = "ftp://127.0.0.1:" + factory.getListener("default").getPort();
        cache = dir.resolve("cache");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private Path config() throws IOException {
        Path file = dir.resolve("glosa.yaml");
        Files.writeString(file, "pseudonymKey: a-key-of-sixteen-chars-or-more\n");
        return file;
    }

    @Test
    void susWithUfFetchesTheWindowAndWritesTheSameOutputsAsSusWithTheFiles() throws IOException {
        Path fetchedOut = dir.resolve("fetched");
        CliRun fetched = CliRun.of(
                "sus",
                "--uf",
                "MT",
                "--from",
                "2021-06",
                "--to",
                "2021-12",
                "--rd-to",
                "2022-03",
                "--mirror",
                mirror,
                "--cache",
                cache.toString(),
                "--out",
                fetchedOut.toString(),
                "--as-of",
                AS_OF,
                "--threads",
                "2",
                "--config",
                config().toString());
        assertThat(fetched.status).as(fetched.toString()).isZero();

        Path givenOut = dir.resolve("given");
        List<String> args = new ArrayList<>(List.of(
                "sus",
                "--out",
                givenOut.toString(),
                "--as-of",
                AS_OF,
                "--threads",
                "2",
                "--config",
                config().toString()));
        args.add("--rd");
        files.rd().forEach(p -> args.add(p.toString()));
        args.add("--rj");
        files.rj().forEach(p -> args.add(p.toString()));
        args.add("--er");
        files.er().forEach(p -> args.add(p.toString()));
        CliRun given = CliRun.of(args.toArray(String[]::new));
        assertThat(given.status).as(given.toString()).isZero();

        assertThat(fetched.err)
                .contains("fetching 24 file(s) into " + cache)
                .contains("RDMT2203.dbc")
                .contains("kB/s");
        assertThat(fetched.out.replace(fetchedOut.toString(), "OUT"))
                .isEqualTo(given.out.replace(givenOut.toString(), "OUT"));
        List<String> compared = new ArrayList<>();
        try (Stream<Path> outputs = Files.list(givenOut)) {
            for (Path p :
                    outputs.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.equals("runs.csv")) {
                    continue; // names the input files, which differ by folder
                }
                assertThat(fetchedOut.resolve(name)).as(name).hasSameTextualContentAs(p);
                compared.add(name);
            }
        }
        assertThat(compared).contains("fact_glosa.csv", "indicators.csv", "dim_segment.csv");
        assertThat(Files.readString(fetchedOut.resolve("glosa.log"), StandardCharsets.UTF_8))
                .contains("RJMT2112.dbc")
                .contains("/s");
    }

    @Test
    void fetchPrintsWhereEachFileIsAndOfflineFindsThemAgain() throws IOException {
        CliRun run = CliRun.of(
                "fetch",
                "--groups",
                "RJ,ER",
                "--uf",
                "mt",
                "--from",
                "2021-11",
                "--to",
                "2021-12",
                "--mirror",
                mirror,
                "--cache",
                cache.toString());
        assertThat(run.status).as(run.toString()).isZero();
        List<String> paths = run.out.lines().toList();
        assertThat(paths)
                .extracting(p -> Path.of(p).getFileName().toString())
                .containsExactly("RJMT2111.dbc", "RJMT2112.dbc", "ERMT2111.dbc", "ERMT2112.dbc");
        for (String p : paths) {
            assertThat(Path.of(p))
                    .hasSameBinaryContentAs(
                            files.rj().get(0).resolveSibling(Path.of(p).getFileName()));
        }
        assertThat(run.err).contains("4 file(s): 4 downloaded");
        assertThat(Files.readString(cache.resolve("glosa.log"), StandardCharsets.UTF_8))
                .contains("ERMT2112.dbc");

        server.stop();
        CliRun offline = CliRun.of(
                "fetch",
                "--groups",
                "RJ,ER",
                "--uf",
                "MT",
                "--from",
                "2021-11",
                "--to",
                "2021-12",
                "--cache",
                cache.toString(),
                "--offline");
        assertThat(offline.status).as(offline.toString()).isZero();
        assertThat(offline.out).isEqualTo(run.out);
        assertThat(offline.err).contains("0 downloaded").contains("4 already in the cache");
    }

    @Test
    void theConfigurationsMirrorsAndCacheAreUsedUnlessTheOptionsGiveTheirs() throws IOException {
        Path config = dir.resolve("glosa.yaml");
        Path configCache = dir.resolve("config-cache");
        Files.writeString(
                config,
                "datasus:\n  mirrors:\n    - \"" + mirror + "\"\n  cache: \""
                        + configCache.toString().replace("\\", "/") + "\"\n");
        CliRun run =
                CliRun.of("fetch", "--groups", "RJ", "--uf", "MT", "--from", "2021-11", "--config", config.toString());
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(Path.of(run.out.strip())).startsWith(configCache).hasFileName("RJMT2111.dbc");

        // --mirror replaces the configuration's list: a mirror that is down fails the fetch.
        CliRun down = CliRun.of(
                "fetch",
                "--groups",
                "RJ",
                "--uf",
                "MT",
                "--from",
                "2021-12",
                "--config",
                config.toString(),
                "--mirror",
                "ftp://127.0.0.1:1",
                "--connections",
                "1");
        assertThat(down.status).as(down.toString()).isNotZero();
        assertThat(down.err).contains("ftp://127.0.0.1:1").doesNotContain(mirror);
    }

    @Test
    void ownFilesOfOneGroupAreMixedWithFetchedOthers() throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "sus",
                "--uf",
                "MT",
                "--from",
                "2021-06",
                "--to",
                "2021-12",
                "--mirror",
                mirror,
                "--cache",
                cache.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--as-of",
                AS_OF,
                "--threads",
                "2",
                "--config",
                config().toString(),
                "--rd"));
        files.rd().forEach(p -> args.add(p.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.err).contains("fetching 14 file(s)");
        assertThat(run.err.lines()).noneMatch(l -> l.startsWith("RDMT")).anyMatch(l -> l.startsWith("RJMT2106.dbc"));
        assertThat(run.err)
                .contains(String.format(
                        "RD: %,d rows from 10 file(s)",
                        dev.glosa.io.sih.SihReader.readAll(files.rd(), dev.glosa.io.sih.SihReadOptions.defaults())
                                .table(dev.glosa.io.sih.SihSystem.RD)
                                .table()
                                .rowCount()));
    }

    @Test
    void aMonthDatasusDoesNotHaveIsAUsageErrorNamingTheMonthsItHas() {
        CliRun run = CliRun.of(
                "fetch",
                "--groups",
                "RJ",
                "--uf",
                "MT",
                "--from",
                "2022-01",
                "--mirror",
                mirror,
                "--cache",
                cache.toString());
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err)
                .contains("RJMT2201.dbc (RJ MT 2022-01) is on none of the mirrors")
                .contains(mirror + " has no /dissemin/publicos/SIHSUS/200801_/Dados/RJMT2201.dbc (550")
                .contains("RJ files exist for every month from 2008-01");
    }

    @Test
    void badFetchOptionsAreUsageErrors() {
        assertThat(CliRun.of("fetch", "--uf", "XX", "--from", "2021-01").err).contains("'XX' is not a state");
        assertThat(CliRun.of("fetch", "--uf", "MT").err).contains("--from is required");
        assertThat(CliRun.of("fetch", "--uf", "MT", "--from", "2021-13").err).contains("a month like 2021-06");
        assertThat(CliRun.of("fetch", "--uf", "MT", "--from", "2021-06", "--to", "2021-01").err)
                .contains("(2021-01) is before the first (2021-06)");
        assertThat(CliRun.of("fetch", "--uf", "MT", "--from", "2021-06", "--groups", "XY").err)
                .contains("'XY' is not a SIH group");
        assertThat(CliRun.of("fetch", "--uf", "MT", "--from", "2021-06", "--mirror", "gopher://x").err)
                .contains("ftp://, http(s):// or file:");
        CliRun noUf = CliRun.of(
                "sus",
                "--rd",
                "a.dbc",
                "--rj",
                "b.dbc",
                "--from",
                "2021-06",
                "--out",
                dir.resolve("o").toString());
        assertThat(noUf.status).isEqualTo(2);
        assertThat(noUf.err).contains("--from needs --uf");
    }
}
