package io.tousu.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing directories the benchmark made. */
final class FileTrees {

    private FileTrees() {
    }

    /** Deletes {@code root} and everything under it, if it exists; returns false if some of it stayed. */
    static boolean delete(Path root) {
        if (!Files.exists(root)) {
            return true;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
