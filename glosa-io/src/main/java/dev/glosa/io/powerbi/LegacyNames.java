package dev.glosa.io.powerbi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The names glosa 0.1 gave a group and its tables, and the one-time upgrade of a folder that still uses them.
 *
 * <p>0.1 wrote {@code dim_cluster.csv}, called a group's id {@code cluster_id} (its row key {@code cluster_key}), the
 * algorithm's number for it {@code algorithm_label}, and counted groups in a {@code clusters} column. 0.2 says
 * {@code dim_group.csv}, {@code group_id}, {@code group_key}, {@code cluster} and {@code groups}, so that "group" is
 * what an analyst sees and "cluster" only the algorithm's number. The tracker needs the earlier weeks to keep group
 * ids stable, so a writer upgrades an old folder in place rather than starting it afresh, and a reader maps the old
 * names as it reads. Only the header changes: every row is copied as it stands.
 */
final class LegacyNames {
    /** The file 0.1 wrote for the groups. */
    static final String DIM_CLUSTER = "dim_cluster.csv";

    /** Old column name to new, per file; a user column of {@code fact_glosa} never matches, as the writer reserves these. */
    private static final Map<String, Map<String, String>> COLUMNS = Map.of(
            StarSchemaWriter.FACT_GLOSA, Map.of("cluster_id", "group_id", "cluster_key", "group_key"),
            StarSchemaWriter.DIM_GROUP,
                    Map.of("cluster_id", "group_id", "cluster_key", "group_key", "algorithm_label", "cluster"),
            StarSchemaWriter.GROUP_STATE, Map.of("cluster_id", "group_id", "algorithm_label", "cluster"),
            StarSchemaWriter.DIM_SEGMENT, Map.of("clusters", "groups"),
            StarSchemaWriter.RUNS, Map.of("clusters", "groups"));

    private LegacyNames() {}

    /** The renames by table name without {@code .csv}, for the database sink. */
    static Map<String, Map<String, String>> columnRenames() {
        Map<String, Map<String, String>> out = new TreeMap<>();
        COLUMNS.forEach((file, renames) -> out.put(file.substring(0, file.length() - ".csv".length()), renames));
        return out;
    }

    /** The file a reader should open for {@code file}: the 0.1 name when only that one exists in {@code folder}. */
    static Path resolve(Path folder, String file) {
        Path path = folder.resolve(file);
        if (file.equals(StarSchemaWriter.DIM_GROUP) && !Files.exists(path)) {
            Path old = folder.resolve(DIM_CLUSTER);
            if (Files.exists(old)) {
                return old;
            }
        }
        return path;
    }

    /** {@code header} of {@code file} with its 0.1 names replaced, unless the header already has the new name. */
    static String[] header(String file, String[] header) {
        Map<String, String> renames = COLUMNS.getOrDefault(file, Map.of());
        if (renames.isEmpty()) {
            return header;
        }
        List<String> names = Arrays.asList(header);
        String[] out = header.clone();
        for (int i = 0; i < out.length; i++) {
            String renamed = renames.get(out[i]);
            if (renamed != null && !names.contains(renamed)) {
                out[i] = renamed;
            }
        }
        return out;
    }

    /**
     * Upgrades {@code folder} from 0.1 names, under the folder's lock: {@code dim_cluster.csv} becomes
     * {@code dim_group.csv}, and every table's header says the new names. Each file is replaced atomically; an upgrade
     * cut short is finished by the next one (a {@code dim_cluster.csv} still present is the source again, since no
     * run writes {@code dim_group.csv} before it is gone).
     *
     * @return the files upgraded, for a notice; empty when the folder was already current
     */
    static List<String> upgrade(Path folder) throws IOException {
        List<String> done = new ArrayList<>();
        Path old = folder.resolve(DIM_CLUSTER);
        if (Files.exists(old)) {
            rewrite(old, folder.resolve(StarSchemaWriter.DIM_GROUP), StarSchemaWriter.DIM_GROUP);
            Files.delete(old);
            Commit.syncFolder(folder);
            done.add(DIM_CLUSTER + " -> " + StarSchemaWriter.DIM_GROUP);
        }
        for (String file : COLUMNS.keySet()) {
            Path path = folder.resolve(file);
            if (!file.equals(StarSchemaWriter.DIM_GROUP) && Files.exists(path) && stale(path, file)) {
                rewrite(path, path, file);
                done.add(file);
            }
        }
        return List.copyOf(done);
    }

    /** Whether a writer must upgrade {@code folder} before reading or writing it. */
    static boolean needed(Path folder) throws IOException {
        if (Files.exists(folder.resolve(DIM_CLUSTER))) {
            return true;
        }
        for (String file : COLUMNS.keySet()) {
            Path path = folder.resolve(file);
            if (Files.exists(path) && stale(path, file)) {
                return true;
            }
        }
        return false;
    }

    private static boolean stale(Path path, String file) throws IOException {
        String[] header = readHeader(path);
        return header != null && !Arrays.equals(header, header(file, header));
    }

    private static String[] readHeader(Path path) throws IOException {
        try (Csv.RecordReader r = HistoryFile.open(path)) {
            return r.next();
        }
    }

    /** Writes {@code to} atomically: {@code from}'s header renamed, then its records copied as they stand. */
    private static void rewrite(Path from, Path to, String name) throws IOException {
        Path temp = WriteJob.temp(to.getParent(), to.getFileName().toString());
        boolean bom;
        try (InputStream in = Files.newInputStream(from)) {
            byte[] first = in.readNBytes(3);
            bom = first.length == 3
                    && (first[0] & 0xFF) == 0xEF
                    && (first[1] & 0xFF) == 0xBB
                    && (first[2] & 0xFF) == 0xBF;
        }
        try (Csv.RecordReader r = HistoryFile.open(from);
                DurableCsv file = DurableCsv.create(temp, bom)) {
            String[] header = r.next();
            if (header == null) {
                throw new IOException(from.getFileName() + ":1: the file is empty; an earlier output must have a header"
                        + " (delete the file to start its history afresh)");
            }
            Csv.Out csv = file.out();
            csv.record(header(name, header));
            for (String[] cells = r.next(); cells != null; cells = r.next()) {
                csv.raw(r.raw(), 0);
            }
        }
        Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
