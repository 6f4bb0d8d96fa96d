package io.tousu.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @Test
    void keepsTheLastLinesAndMasksMobileNumbers(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("intake-service.log"),
                "line 1\nline 2\nrejected 13812345678 for ticket 20261122000123456\nline 4\n");

        String tail = LogTail.of(log, 2);

        assertThat(tail.lines()).containsExactly("    | rejected 138****5678 for ticket 20261122000123456", "    | line 4");
    }

    @Test
    void saysWhenThereIsNothingToShow(@TempDir Path dir) throws Exception {
        assertThat(LogTail.of(Files.createFile(dir.resolve("empty.log")), 5)).contains("the log is empty");
        assertThat(LogTail.of(dir.resolve("missing.log"), 5)).contains("cannot read");
    }
}
