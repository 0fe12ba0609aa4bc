package org.energymonitor.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Between the transform and the batch: merges partial readings of immediate-mode meters, then checks each reading's
 * counters against the meter's history.
 */
public final class ReadingGate {

    private final PartialMerger merger;
    private final Plausibility plausibility;

    public ReadingGate(PartialMerger merger, Plausibility plausibility) {
        this.merger = merger;
        this.plausibility = plausibility;
    }

    /** A reading from the transform. */
    public Checked admit(Reading reading) {
        return check(merger.offer(reading));
    }

    /** Partial readings whose merge window has passed. */
    public Checked flushExpired(long nowMs) {
        return check(merger.flushExpired(nowMs));
    }

    /** Every partial reading still pending (on shutdown). */
    public Checked flushAll() {
        return check(merger.flushAll());
    }

    private Checked check(List<Reading> readings) {
        if (readings.isEmpty()) {
            return new Checked(List.of(), List.of(), List.of());
        }
        if (readings.size() == 1) {
            Plausibility.Verdict v = plausibility.check(readings.get(0));
            if (v.reason() == null) {
                return new Checked(List.of(v.reading()), List.of(), v.newSeries() == null ? List.of() : List.of(v));
            }
            return new Checked(List.of(), List.of(v), List.of());
        }
        List<Reading> accepted = new ArrayList<>();
        List<Plausibility.Verdict> rejected = new ArrayList<>();
        List<Plausibility.Verdict> series = new ArrayList<>();
        for (Reading r : readings) {
            Plausibility.Verdict v = plausibility.check(r);
            if (v.reason() != null) {
                rejected.add(v);
            } else {
                accepted.add(v.reading());
                if (v.newSeries() != null) {
                    series.add(v);
                }
            }
        }
        return new Checked(accepted, rejected, series);
    }
}
