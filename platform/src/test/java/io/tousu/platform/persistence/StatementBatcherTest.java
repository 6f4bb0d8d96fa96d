package io.tousu.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls that arrive while batches run are served together; a failing batch fails only its bad item. */
class StatementBatcherTest {

    /** A stand-in statement that answers when the test says so, and records each batch it was given. */
    private static final class HeldStatement {
        final List<List<Integer>> batches = new ArrayList<>();
        final List<UniEmitter<? super List<String>>> running = new ArrayList<>();

        synchronized Uni<List<String>> run(List<Integer> items) {
            batches.add(items);
            return Uni.createFrom().emitter(running::add);
        }

        /** Answers the {@code index}-th batch: each item doubled, or a failure if it holds a negative one. */
        void answer(int index) {
            List<Integer> items = batches.get(index);
            if (items.stream().anyMatch(i -> i < 0)) {
                running.get(index).fail(new IllegalArgumentException("negative item in " + items));
            } else {
                running.get(index).complete(items.stream().map(i -> "v" + (i * 2)).toList());
            }
        }
    }

    @Test
    void aLoneCallRunsAtOnceAsABatchOfOne() {
        HeldStatement statement = new HeldStatement();
        StatementBatcher<Integer, String> batcher = new StatementBatcher<>(statement::run, 10, 1);

        UniAssertSubscriber<String> call = batcher.submit(7).subscribe().withSubscriber(UniAssertSubscriber.create());

        assertThat(statement.batches).containsExactly(List.of(7));
        statement.answer(0);
        call.assertItem("v14");
    }

    @Test
    void callsArrivingWhileABatchRunsAreServedByTheNextOneTogether() {
        HeldStatement statement = new HeldStatement();
        StatementBatcher<Integer, String> batcher = new StatementBatcher<>(statement::run, 3, 1);

        List<UniAssertSubscriber<String>> calls = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            calls.add(batcher.submit(i).subscribe().withSubscriber(UniAssertSubscriber.create()));
        }
        // one in flight: the first runs alone, the others wait
        assertThat(statement.batches).containsExactly(List.of(1));

        statement.answer(0);
        assertThat(statement.batches).containsExactly(List.of(1), List.of(2, 3, 4));
        calls.get(0).assertItem("v2");
        calls.get(1).assertNotTerminated();

        statement.answer(1);
        assertThat(statement.batches).containsExactly(List.of(1), List.of(2, 3, 4), List.of(5, 6));
        statement.answer(2);
        for (int i = 0; i < 6; i++) {
            calls.get(i).assertItem("v" + (2 * (i + 1)));
        }
    }

    @Test
    void noMoreBatchesRunAtOnceThanAllowed() {
        HeldStatement statement = new HeldStatement();
        StatementBatcher<Integer, String> batcher = new StatementBatcher<>(statement::run, 100, 2);

        for (int i = 1; i <= 5; i++) {
            batcher.submit(i).subscribe().withSubscriber(UniAssertSubscriber.create());
        }

        assertThat(statement.batches).containsExactly(List.of(1), List.of(2));
        statement.answer(1);
        assertThat(statement.batches).containsExactly(List.of(1), List.of(2), List.of(3, 4, 5));
    }

    @Test
    void aFailedBatchIsRunAgainItemByItemSoOnlyTheBadCallFails() {
        HeldStatement statement = new HeldStatement();
        StatementBatcher<Integer, String> batcher = new StatementBatcher<>(statement::run, 10, 1);
        UniAssertSubscriber<String> first = batcher.submit(1).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> good = batcher.submit(2).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> bad = batcher.submit(-3).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> alsoGood = batcher.submit(4).subscribe()
                .withSubscriber(UniAssertSubscriber.create());
        statement.answer(0);
        assertThat(statement.batches).containsExactly(List.of(1), List.of(2, -3, 4));

        statement.answer(1);
        // the batch failed: its items again, one at a time
        assertThat(statement.batches).hasSize(3).last().isEqualTo(List.of(2));
        statement.answer(2);
        assertThat(statement.batches).hasSize(4).last().isEqualTo(List.of(-3));
        statement.answer(3);
        assertThat(statement.batches).hasSize(5).last().isEqualTo(List.of(4));
        statement.answer(4);

        first.assertItem("v2");
        good.assertItem("v4");
        bad.assertFailedWith(IllegalArgumentException.class, "negative item in [-3]");
        alsoGood.assertItem("v8");
    }

    @Test
    void aBatchAnsweringTheWrongNumberOfResultsFailsItsCallersInsteadOfGuessing() {
        StatementBatcher<Integer, String> batcher = new StatementBatcher<>(
                items -> Uni.createFrom().item(List.of("only one")), 10, 1);

        UniAssertSubscriber<String> call = batcher.submit(1).subscribe().withSubscriber(UniAssertSubscriber.create());
        call.assertItem("only one");

        HeldStatement held = new HeldStatement();
        StatementBatcher<Integer, String> wrong = new StatementBatcher<>(items -> items.size() == 2
                ? Uni.createFrom().item(List.of("one answer for two")) : held.run(items), 10, 1);
        wrong.submit(1).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> second = wrong.submit(2).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> third = wrong.submit(3).subscribe().withSubscriber(UniAssertSubscriber.create());
        held.answer(0);

        second.assertFailedWith(IllegalStateException.class, "a batch of 2 answered 1 results");
        third.assertFailedWith(IllegalStateException.class, "a batch of 2 answered 1 results");
    }
}
