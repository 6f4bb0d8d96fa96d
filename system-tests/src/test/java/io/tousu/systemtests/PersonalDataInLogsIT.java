package io.tousu.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after the other system tests (which submit complaints with full phone numbers) and reads
 * every log the packaged services and the stack wrote: none may hold a full mobile number or the
 * customer id the flows submitted.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(PackagedSuite.class)
class PersonalDataInLogsIT {

    /** The customer id the flows submit (ComplaintFlowIT); it must not reach any log either. */
    static final String CUSTOMER_ID = "CUST-7731942";

    /** An 11-digit Chinese mobile number standing alone (not part of a longer number or id). */
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])");

    @Test
    void noLogHoldsAFullPhoneNumber() throws IOException {
        Path logs = PackagedSuite.stack().logsDir();
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(logs)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files++;
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = MOBILE.matcher(lines.get(i));
                    if (m.find()) {
                        found.add(file.getFileName() + ":" + (i + 1) + " " + m.group().substring(0, 3) + "…");
                    }
                    if (lines.get(i).contains(CUSTOMER_ID)) {
                        found.add(file.getFileName() + ":" + (i + 1) + " customer id " + CUSTOMER_ID.substring(0, 4) + "…");
                    }
                }
            }
        }
        assertThat(files).as("log files of the services").isGreaterThanOrEqualTo(4);
        assertThat(found).as("full phone numbers and customer ids in logs").isEmpty();
    }
}
