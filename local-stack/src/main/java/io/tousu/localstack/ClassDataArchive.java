package io.tousu.localstack;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The JDK class-data-sharing archive of one packaged service: the classes its JVM loaded while it
 * started and ran, already parsed and verified, mapped into the next JVM instead of read from the
 * jars again. Measured on 2 cores: intake-service ready in 3.9 s instead of 5.5-7.4 s, 5.8 CPU
 * seconds instead of 8-11.
 *
 * <p>The archive lives beside the build output ({@code target/quarkus-app/tousu-cds-*.jsa}), named
 * after the JVM and the build, so a rebuild or another JDK simply trains a new one. A service
 * launched without a usable archive is a training run: its JVM writes the archive when it exits
 * (JDK 13+ {@code -XX:ArchiveClassesAtExit}), into a file of its own that is moved into place only
 * after a graceful stop of a JVM that had been ready; a crash, a {@code kill -9} or a failed start
 * leaves nothing behind. Two stacks training at once each write their own file and the last move
 * wins. The JVM checks the archive against the class path when it maps it and runs without it
 * (only slower) if anything differs.
 *
 * <p>The services' packaging ({@code quarkus.package.jar.type=aot-jar}) puts every jar on the
 * JVM's own class path: classes of the default fast-jar's class loader could not be archived.
 */
final class ClassDataArchive {

    private static final String PREFIX = "tousu-cds-";
    private static final String SUFFIX = ".jsa";
    private static final String TRAINING_SUFFIX = ".training";
    /**
     * A training file last written longer ago than this was left by a stack that died before it
     * could move it into place (a JVM writes it within seconds as it exits): it is removed.
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final Path archive;

    private ClassDataArchive(Path archive) {
        this.archive = archive;
    }

    /**
     * The archive for the service packaged at {@code runnerJar}, as run by the JVM at
     * {@code javaVersion} (its {@code java.vm.version}).
     */
    static ClassDataArchive forRunner(Path runnerJar, String javaVersion) {
        long built;
        try {
            built = Files.getLastModifiedTime(runnerJar).toMillis();
        } catch (IOException e) {
            // not packaged: the launch itself fails with the clearer message; no archive meanwhile
            built = 0;
        }
        String name = PREFIX + javaVersion.replaceAll("[^A-Za-z0-9.]+", "_") + "-" + Long.toString(built, 36) + SUFFIX;
        return new ClassDataArchive(runnerJar.resolveSibling(name));
    }

    /** The archive file, whether or not it exists yet. */
    Path path() {
        return archive;
    }

    /**
     * What one launch of the service does with the archive: use it if it is there, else train it.
     * Call {@link Launch#finished} once the JVM has exited.
     */
    Launch launch() {
        if (Files.isRegularFile(archive)) {
            return new Launch(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"), null);
        }
        removeAbandonedTraining();
        Path training = archive.resolveSibling(archive.getFileName() + "." + UUID.randomUUID() + TRAINING_SUFFIX);
        // -Xlog:cds=off: without it the JVM lists at exit each class it leaves out (generated, failed verification)
        return new Launch(List.of("-XX:ArchiveClassesAtExit=" + training, "-Xlog:cds=off"), training);
    }

    /** One JVM's use of the archive. */
    final class Launch {

        private final List<String> jvmOptions;
        private final Path training;

        private Launch(List<String> jvmOptions, Path training) {
            this.jvmOptions = jvmOptions;
            this.training = training;
        }

        /** The options to give the JVM. */
        List<String> jvmOptions() {
            return jvmOptions;
        }

        /** True if this JVM writes the archive as it exits. */
        boolean training() {
            return training != null;
        }

        /**
         * Called once the JVM has exited. A training run that ran and stopped gracefully
         * ({@code complete}) has its archive moved into place, replacing the archives of earlier builds
         * and JVMs; any other run leaves nothing. Never throws: it runs while a stack stops, and a
         * missing archive only means that the next start trains again.
         */
        void finished(boolean complete) {
            if (training == null) {
                return;
            }
            try {
                if (!complete || !Files.isRegularFile(training) || Files.size(training) == 0) {
                    Files.deleteIfExists(training);
                    return;
                }
                try {
                    Files.move(training, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(training, archive, StandardCopyOption.REPLACE_EXISTING);
                }
                removeOtherArchives();
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(training);
                } catch (IOException ignored) {
                    // left for removeAbandonedTraining
                }
            }
        }
    }

    /** Training files whose stack died before moving them into place; best effort. */
    private void removeAbandonedTraining() {
        Instant abandoned = Instant.now().minus(ABANDONED_AFTER);
        String pattern = PREFIX + "*" + TRAINING_SUFFIX;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), pattern)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(abandoned)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // a left-over file costs disk space only; the launch goes on
        }
    }

    /** Archives of other builds or JVMs in the same directory: never used again. */
    private void removeOtherArchives() throws IOException {
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(archive.getParent(), PREFIX + "*" + SUFFIX)) {
            for (Path other : archives) {
                if (!other.equals(archive)) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }
}
