package io.tousu.localstack.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bodies for {@code POST /api/v1/complaints}, each one new: its own channel message id, phone number
 * and description, so intake takes every one in as a new complaint that is neither a repeat nor
 * suspected bulk. Provinces rotate over {@link #PROVINCES}, so the ticket counter of one province and
 * day is not the only row every transaction updates. Thread-safe.
 */
final class ComplaintRequests {

    /** The provinces the complaints rotate over (pgbench's script uses the same six). */
    static final List<String> PROVINCES = List.of("GD", "BJ", "SH", "ZJ", "JS", "SC");

    private static final long NUMBERS = 100_000_000L;

    private final String runId;
    private final long firstNumber;
    private final AtomicLong next = new AtomicLong();

    private ComplaintRequests(String runId, long firstNumber) {
        this.runId = runId;
        this.firstNumber = firstNumber;
    }

    /** Requests tagged with a random run id, starting at a random phone number. */
    static ComplaintRequests random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return startingAt(Long.toString(random.nextLong(1L << 40), 36), random.nextLong(NUMBERS));
    }

    /** Requests tagged with {@code runId}, numbered from phone number {@code 139<firstNumber>}. */
    static ComplaintRequests startingAt(String runId, long firstNumber) {
        return new ComplaintRequests(runId, firstNumber);
    }

    /** The next body. */
    String next() {
        long n = next.getAndIncrement();
        String msisdn = String.format(Locale.ROOT, "139%08d", (firstNumber + n) % NUMBERS);
        String province = PROVINCES.get((int) (n % PROVINCES.size()));
        String reference = runId + "-" + n;
        return "{\"channel\":\"HOTLINE\",\"channelRef\":\"bench-" + reference + "\",\"province\":\"" + province
                + "\",\"city\":\"Shenzhen\",\"customer\":{\"msisdn\":\"" + msisdn + "\",\"tier\":\"GOTONE\"},"
                + "\"category\":\"BILLING_DISPUTE\",\"subcategory\":\"DOUBLE_CHARGE\","
                + "\"description\":\"charged twice for the monthly fee, reference " + reference + "\"}";
    }
}
