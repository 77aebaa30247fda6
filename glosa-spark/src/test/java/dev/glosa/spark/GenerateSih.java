package dev.glosa.spark;

import dev.glosa.io.generate.SihFileSet;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes generated SIH files for the scale measurement of docs/performance.md (not a test):
 * {@code GenerateSih FOLDER CLAIMS HOSPITALS SEED}, one state's RD, RJ and ER .dbc files per month.
 */
final class GenerateSih {
    private GenerateSih() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        long claims = Long.parseLong(args[1]);
        int hospitals = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        SihFileSet files = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(seed)
                        .withHospitals(hospitals)
                        .withTotalClaims(claims)),
                folder);
        System.out.println("--rd " + join(files.rd()) + " --rj " + join(files.rj()) + " --er " + join(files.er()));
    }

    private static String join(java.util.List<Path> files) {
        StringBuilder sb = new StringBuilder();
        for (Path p : files) {
            sb.append(sb.length() == 0 ? "" : " ").append(p);
        }
        return sb.toString();
    }
}
