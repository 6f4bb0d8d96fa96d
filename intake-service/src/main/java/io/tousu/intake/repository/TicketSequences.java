package io.tousu.intake.repository;

import io.smallrye.mutiny.Uni;
import io.tousu.intake.config.IntakeConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The sequence part of ticket numbers, per province and local day. Numbers are reserved from the
 * database's {@code ticket_counters} in blocks of {@code tousu.intake.ticket-block} and handed out
 * from memory, so the province's counter row is updated once per block, not once per complaint (with
 * every submission of a busy province queueing on that row's lock). Unique across replicas, since each
 * block comes from one atomic counter update; numbers still reserved when a replica stops are gaps.
 */
@ApplicationScoped
public class TicketSequences {

    /** A run of reserved numbers, {@code next} to {@code last} inclusive. */
    private static final class Block {
        int next;
        final int last;

        Block(int first, int last) {
            this.next = first;
            this.last = last;
        }
    }

    private record Key(String province, LocalDate day) {
    }

    private final Pool pool;
    private final int blockSize;
    private final Map<Key, Deque<Block>> reserved = new HashMap<>();

    public TicketSequences(Pool pool, IntakeConfig config) {
        this.pool = pool;
        this.blockSize = Math.max(1, config.ticketBlock());
    }

    /** The next sequence number of this province and day. */
    public Uni<Integer> next(String province, LocalDate day) {
        Key key = new Key(province, day);
        Integer taken = take(key);
        if (taken != null) {
            return Uni.createFrom().item(taken);
        }
        return reserve(key).map(block -> {
            int first = block.next;
            block.next++;
            store(key, block);
            return first;
        });
    }

    /** A number from what this replica holds, or null when nothing is left. */
    private synchronized Integer take(Key key) {
        Deque<Block> blocks = reserved.get(key);
        while (blocks != null && !blocks.isEmpty()) {
            Block head = blocks.peekFirst();
            if (head.next <= head.last) {
                return head.next++;
            }
            blocks.pollFirst();
        }
        return null;
    }

    /** Keeps the rest of a new block; earlier days' leftovers are dropped when a new day starts. */
    private synchronized void store(Key key, Block block) {
        if (block.next > block.last) {
            return;
        }
        reserved.keySet().removeIf(k -> k.day().isBefore(key.day()));
        reserved.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(block);
    }

    /**
     * Reserves the next block in one statement, committed without waiting for the WAL flush: a block
     * lost in a crash only leaves a gap, which ticket numbers tolerate.
     */
    private Uni<Block> reserve(Key key) {
        return pool.preparedQuery("insert into ticket_counters (province, day, last_seq) "
                        + "select $1::text, $2::date, $3::int "
                        + "from (select set_config('synchronous_commit', 'off', true)) async_commit "
                        + "on conflict (province, day) do update set last_seq = ticket_counters.last_seq + $3 "
                        + "returning last_seq")
                .execute(Tuple.of(key.province(), key.day(), blockSize))
                .map(rows -> {
                    int last = rows.iterator().next().getInteger(0);
                    return new Block(last - blockSize + 1, last);
                });
    }
}
