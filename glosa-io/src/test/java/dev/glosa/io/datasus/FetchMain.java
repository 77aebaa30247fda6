package dev.glosa.io.datasus;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Fetches files in another process, for the test of two processes filling one cache: {@code CACHE MIRROR NAME...}. */
final class FetchMain {
    private FetchMain() {}

    public static void main(String[] args) throws Exception {
        List<SihFileName> files =
                Arrays.stream(args).skip(2).map(SihFileName::parse).toList();
        FetchResult r = DatasusFiles.fetch(FetchRequest.of(files)
                .withCache(Path.of(args[0]))
                .withMirrors(List.of(URI.create(args[1])))
                .withTimeout(Duration.ofSeconds(5))
                .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(50), 1));
        for (FetchResult.File f : r.files()) {
            System.out.println(f.name().fileName() + " " + f.origin() + " " + f.sha256());
        }
    }
}
