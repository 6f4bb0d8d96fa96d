package io.tousu.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static final String TABLE = """
            {"province":"GD","indicators":[{"code":"VOLUME","value":"120"},{"code":"FCR","value":"0.50"}]}""";

    @Test
    void identicalSnapshotsDifferInNothing() throws Exception {
        assertThat(compare(snapshot(TABLE, 7), snapshot(TABLE, 7))).isZero();
    }

    @Test
    void aChangedLeafOfAJsonAnswerIsNamed() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int changed = Figures.compare(snapshot(TABLE, 7), snapshot(TABLE.replace("0.50", "0.51"), 7), "figure",
                new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(changed).isEqualTo(1);
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("monthly / indicators[1].value: 0.50 -> 0.51");
    }

    @Test
    void aFigureThatAppearsOrDisappearsCounts() throws Exception {
        Figures before = snapshot(TABLE, 7);
        Figures after = snapshot(TABLE, 7);
        after.put("clocks", "RESOLUTION BREACHED", 1);
        assertThat(compare(before, after)).isEqualTo(1);
        assertThat(compare(after, before)).isEqualTo(1);
    }

    @Test
    void aChangedCountIsFound() throws Exception {
        assertThat(compare(snapshot(TABLE, 7), snapshot(TABLE, 8))).isEqualTo(1);
    }

    private static Figures snapshot(String json, long clocks) throws Exception {
        Figures f = new Figures();
        f.putJson("monthly", json);
        f.put("clocks", "RESOLUTION RUNNING", clocks);
        return f;
    }

    private static int compare(Figures before, Figures after) {
        return Figures.compare(before, after, "figure", new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }
}
