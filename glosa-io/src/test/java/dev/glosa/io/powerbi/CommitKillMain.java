package dev.glosa.io.powerbi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes week 2 into a folder holding week 1 and blocks after the named step of the commit until killed; used by
 * {@link CommitCrashTests}.
 */
final class CommitKillMain {
    private CommitKillMain() {}

    public static void main(String[] args) throws Exception {
        String at = args[1];
        CommitCrashTests.write(Path.of(args[0]), Fixture.WEEK2, new WriteJob.Hook() {
            @Override
            public void tempWritten(String file) {}

            @Override
            public void committed(String step) throws IOException {
                if (step.equals(at)) {
                    System.out.println("blocked after " + step);
                    System.out.flush();
                    while (System.in.read() >= 0) {
                        // wait to be killed
                    }
                    throw new IOException("the test closed our input instead of killing us");
                }
            }
        });
    }
}
