package io.tousu.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutageDrillTest {

    @Test
    void downSecondsIsTakenOutTheRestIsTheDrillsOptions() {
        OutageDrill.Options options = OutageDrill.Options.parse(new String[] {"--complaints", "2000",
            "--down-seconds=45", "--clients", "8"}, 5000, 16, 30);
        assertThat(options.downSeconds()).isEqualTo(45);
        assertThat(options.drill().complaints()).isEqualTo(2000);
        assertThat(options.drill().clients()).isEqualTo(8);
        assertThat(OutageDrill.Options.parse(new String[0], 5000, 16, 30))
                .isEqualTo(new OutageDrill.Options(new DrillOptions(false, 5000, 16), 30));
        assertThat(OutageDrill.Options.parse(new String[] {"-h"}, 5000, 16, 30).help()).isTrue();
    }

    @Test
    void wrongArgumentsAreExplained() {
        assertThatThrownBy(() -> OutageDrill.Options.parse(new String[] {"--down-seconds"}, 5000, 16, 30))
                .hasMessage("--down-seconds needs a value");
        assertThatThrownBy(() -> OutageDrill.Options.parse(new String[] {"--down-seconds", "0"}, 5000, 16, 30))
                .hasMessage("--down-seconds must be between 1 and 3600, not 0");
        assertThatThrownBy(() -> OutageDrill.Options.parse(new String[] {"--kill"}, 5000, 16, 30))
                .hasMessage("unknown option '--kill'");
    }

    @Test
    void onlyA503ProblemWithRetryAfterIsAClearUnavailable() {
        Optional<String> problem = Optional.of("application/problem+json;charset=UTF-8");
        assertThat(AnswerTally.classify(201, Optional.of("application/json"), Optional.empty()))
                .isEqualTo(AnswerTally.Kind.OK);
        assertThat(AnswerTally.classify(200, Optional.empty(), Optional.empty())).isEqualTo(AnswerTally.Kind.OK);
        assertThat(AnswerTally.classify(503, problem, Optional.of("5"))).isEqualTo(AnswerTally.Kind.UNAVAILABLE);
        assertThat(AnswerTally.classify(503, problem, Optional.empty())).isEqualTo(AnswerTally.Kind.UNCLEAR_503);
        assertThat(AnswerTally.classify(503, Optional.of("text/html"), Optional.of("5")))
                .isEqualTo(AnswerTally.Kind.UNCLEAR_503);
        assertThat(AnswerTally.classify(500, problem, Optional.empty())).isEqualTo(AnswerTally.Kind.OTHER_5XX);
        assertThat(AnswerTally.classify(502, Optional.empty(), Optional.empty())).isEqualTo(AnswerTally.Kind.OTHER_5XX);
        assertThat(AnswerTally.classify(409, problem, Optional.empty())).isEqualTo(AnswerTally.Kind.NOT_TAKEN);
    }

    @Test
    void answersDuringTheOutageAreCountedApart() {
        AnswerTally tally = new AnswerTally();
        tally.unanswered(new java.io.IOException("refused"));
        tally.outage(true);
        tally.unanswered(new java.io.IOException("refused"));
        tally.outage(false);
        assertThat(tally.total(AnswerTally.Kind.NO_ANSWER)).isEqualTo(2);
        assertThat(tally.duringOutage(AnswerTally.Kind.NO_ANSWER)).isEqualTo(1);
        assertThat(OutageDrill.summary(tally, true)).isEqualTo("no answer 1");
        assertThat(OutageDrill.summary(new AnswerTally(), false)).isEqualTo("nothing");
    }
}
