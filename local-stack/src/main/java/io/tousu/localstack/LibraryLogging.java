package io.tousu.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kafka and the embedded PostgreSQL log through SLF4J (slf4j-simple); the launchers send those lines
 * to a file instead of the console, keeping only warnings from Kafka.
 */
public final class LibraryLogging {

    private LibraryLogging() {
    }

    /**
     * Routes SLF4J output to {@code file}, creating its directory. Must run before anything touches SLF4J.
     *
     * @throws IOException if the directory cannot be created
     */
    public static void routeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.kafka", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.state.change.logger", "warn");
    }
}
