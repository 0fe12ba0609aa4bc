package org.energymonitor.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Merges the partial readings of Tasmota's immediate mode (one field per message) into one reading per
 * meter and second. Complete readings (import and power) of a meter with nothing pending pass straight through.
 */
public final class PartialMerger {

    private static final Comparator<Reading> BY_TS = Comparator.comparingLong(Reading::ts);

    private final long windowMs;
    private final LongSupplier clock;
    private final Map<String, Pending> pending = new HashMap<>();

    /** A partial reading held for its siblings, and when its first part arrived (the merge window runs from there). */
    private record Pending(Reading reading, long arrivedMs) {
    }

    public PartialMerger(long windowMs) {
        this(windowMs, System::currentTimeMillis);
    }

    /** {@code clock} tells the arrival time of a part (wall-clock ms): the merge window runs from there. */
    public PartialMerger(long windowMs, LongSupplier clock) {
        if (windowMs < 0) {
            throw new IllegalArgumentException("windowMs must not be negative, was " + windowMs);
        }
        this.windowMs = windowMs;
        this.clock = clock;
    }

    /** The readings ready to store now, in time order; partial ones are held until their second is over. */
    public synchronized List<Reading> offer(Reading r) {
        Pending p = pending.get(r.meter());
        Reading held = p == null ? null : p.reading();
        if (held == null) {
            if (isComplete(r)) {
                return List.of(r);
            }
            pending.put(r.meter(), new Pending(r, clock.getAsLong()));
            return List.of();
        }
        if (second(held) == second(r)) {
            Reading merged = merge(held, r);
            if (isComplete(r)) {
                pending.remove(r.meter());
                return List.of(merged);
            }
            pending.put(r.meter(), new Pending(merged, p.arrivedMs()));
            return List.of();
        }
        if (isComplete(r)) {
            pending.remove(r.meter());
            return held.ts() <= r.ts() ? List.of(held, r) : List.of(r, held);
        }
        pending.put(r.meter(), new Pending(r, clock.getAsLong()));
        return List.of(held);
    }

    /** Removes and returns the pending readings whose first part arrived more than windowMs before nowMs. */
    public synchronized List<Reading> flushExpired(long nowMs) {
        List<Reading> out = new ArrayList<>();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (nowMs - p.arrivedMs() > windowMs) {
                out.add(p.reading());
                it.remove();
            }
        }
        out.sort(BY_TS);
        return out;
    }

    /** Removes and returns every pending reading, e.g. at shutdown. */
    public synchronized List<Reading> flushAll() {
        List<Reading> out = new ArrayList<>(pending.size());
        pending.values().forEach(p -> out.add(p.reading()));
        pending.clear();
        out.sort(BY_TS);
        return out;
    }

    private static boolean isComplete(Reading r) {
        return r.importKwh() != null && r.powerW() != null;
    }

    private static long second(Reading r) {
        return Math.floorDiv(r.ts(), 1000L);
    }

    /** The non-null fields of {@code newer} win; the ts is the earliest of both. */
    private static Reading merge(Reading older, Reading newer) {
        return new Reading(newer.meter(), Math.min(older.ts(), newer.ts()),
                pick(newer.powerW(), older.powerW()), pick(newer.importKwh(), older.importKwh()),
                pick(newer.exportKwh(), older.exportKwh()), pick(newer.powerL1W(), older.powerL1W()),
                pick(newer.powerL2W(), older.powerL2W()), pick(newer.powerL3W(), older.powerL3W()),
                pick(newer.serial(), older.serial()));
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
