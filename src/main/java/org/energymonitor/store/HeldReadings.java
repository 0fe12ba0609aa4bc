package org.energymonitor.store;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches of readings, and the other writes of the ingestion ({@link TableWrites}: meter states, quarantine rows), that
 * the database did not take (disk full, a foreign write lock, the file removed), kept in arrival order and written
 * again by the {@code write-held-readings} route until the database takes them: nothing acknowledged is dropped
 * after a few retries any more, and no thread waits through retries. The first held batch calls {@code onHold} (the service
 * pauses its MQTT intake, so the broker keeps what arrives meanwhile); the last one written calls {@code onRelease}.
 * Held readings are bounded by {@code maxReadings}: a batch beyond it waits, which holds up the thread that brings
 * it (paho's callback thread: its messages stay unacknowledged at the broker).
 */
public final class HeldReadings {

    private static final Logger LOG = LoggerFactory.getLogger(HeldReadings.class);

    /** What {@code /status} shows: {@code since} 0 and {@code readings} 0 while nothing is held. */
    public record State(boolean holding, long since, long readings, String lastError) {
    }

    private final int maxReadings;
    private final Clock clock;
    private final Consumer<String> onHold;
    private final Runnable onRelease;
    private final Deque<Object> batches = new ArrayDeque<>();
    private long readings;
    private long since;
    private String lastError;

    public HeldReadings(int maxReadings, Clock clock, Consumer<String> onHold, Runnable onRelease) {
        this.maxReadings = maxReadings;
        this.clock = clock;
        this.onHold = onHold;
        this.onRelease = onRelease;
    }

    /** Whether batches wait: a new batch then queues behind them, so readings are written in arrival order. */
    public synchronized boolean holding() {
        return !batches.isEmpty();
    }

    /**
     * A batch of readings (a {@code List<Reading>}) or a table's statement that was not written ({@code error} says
     * why), or a new one while others wait.
     */
    public synchronized void hold(Object batch, String error) throws InterruptedException {
        if (error != null) {
            lastError = error;
        }
        if (batches.peekFirst() == batch) {
            return; // the retry of the oldest batch failed again: it stays first
        }
        while (readings > 0 && readings + size(batch) > maxReadings) {
            wait(1_000);
        }
        if (batches.isEmpty()) {
            since = clock.millis();
            LOG.error("Database writes fail ({}); holding readings and retrying until they are written", lastError);
            onHold.accept("database writes fail: " + lastError);
        }
        batches.addLast(batch);
        readings += size(batch);
    }

    /** The oldest held batch or statement (an empty list when none): the one to write next. */
    public synchronized Object next() {
        Object first = batches.peekFirst();
        return first == null ? List.of() : first;
    }

    /** {@code batch} was written: when it was the oldest held one it is released, and with the last the hold ends. */
    public synchronized void written(Object batch) {
        if (batches.isEmpty() || batches.peekFirst() != batch) {
            return;
        }
        batches.removeFirst();
        readings -= size(batch);
        notifyAll();
        if (batches.isEmpty()) {
            LOG.warn("Database writes work again: the held readings are written after {} s",
                    (clock.millis() - since) / 1000);
            since = 0;
            lastError = null;
            onRelease.run();
        }
    }

    /** Readings count one each; any other write counts as one. */
    private static int size(Object batch) {
        return batch instanceof List<?> list ? list.size() : 1;
    }

    public synchronized State state() {
        return new State(!batches.isEmpty(), since, readings, lastError);
    }
}
