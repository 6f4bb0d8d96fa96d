package io.tousu.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The last lines of a log file, for an error message; mobile numbers in them are masked. */
final class LogTail {

    /** An 11-digit mainland mobile number standing on its own. */
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1\\d{2})\\d{4}(\\d{4})(?!\\d)");
    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    /** Up to {@code lines} last lines of {@code log}, or a note saying why there are none. */
    static String of(Path log, int lines) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            if (all.size() == 1 && all.get(0).isEmpty()) {
                return "    (the log is empty)";
            }
            StringBuilder tail = new StringBuilder();
            for (String line : all.subList(Math.max(0, all.size() - lines), all.size())) {
                tail.append("    | ").append(mask(line)).append(System.lineSeparator());
            }
            return tail.toString().stripTrailing();
        } catch (IOException e) {
            return "    (cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** {@code 13812345678} becomes {@code 138****5678}. */
    static String mask(String line) {
        return MOBILE.matcher(line).replaceAll("$1****$2");
    }
}
