package org.energymonitor.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the ingestion did since start: messages by outcome and quarantined messages by reason code.
 * Outcomes: received, stored, duplicate, ignored, state, lwt, quarantined.
 */
public final class IngestCounters {

    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();

    public void count(String outcome) {
        add(outcome, 1);
    }

    public void add(String outcome, long n) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).add(n);
    }

    public void quarantined(String reason) {
        count("quarantined");
        reasons.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    private final LongAdder batches = new LongAdder();
    private final LongAdder batchRows = new LongAdder();
    private final LongAdder batchMillis = new LongAdder();

    /** One insert transaction of {@code rows} readings that took {@code millis}. */
    public void batch(int rows, long millis) {
        batches.increment();
        batchRows.add(rows);
        batchMillis.add(millis);
    }

    /** Insert transactions, readings in them, and milliseconds they took, since start. */
    public long[] batches() {
        return new long[] {batches.sum(), batchRows.sum(), batchMillis.sum()};
    }

    public long get(String outcome) {
        LongAdder a = outcomes.get(outcome);
        return a == null ? 0 : a.sum();
    }

    public long quarantinedFor(String reason) {
        LongAdder a = reasons.get(reason);
        return a == null ? 0 : a.sum();
    }

    public Map<String, Long> outcomes() {
        return snapshot(outcomes);
    }

    public Map<String, Long> reasons() {
        return snapshot(reasons);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
