package org.energymonitor.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-meter counter checks: counters must not run backwards nor rise faster than the maximum power
 * allows. A run of rejected readings that agree among themselves becomes a new series (self-healing).
 */
public final class Plausibility {

    private static final double TOLERANCE_KWH = 0.0005;
    private static final double SLACK_KWH = 0.01;

    private final double maxPowerW;
    private final int resyncAfter;
    private final Map<String, Last> lasts = new HashMap<>();
    private final Map<String, Run> runs = new HashMap<>();

    public Plausibility(double maxPowerW, int resyncAfter) {
        if (!(maxPowerW > 0) || resyncAfter < 1) {
            throw new IllegalArgumentException("maxPowerW must be > 0 and resyncAfter >= 1");
        }
        this.maxPowerW = maxPowerW;
        this.resyncAfter = resyncAfter;
    }

    /** Sets the meter's last accepted values, e.g. from the database at start-up. */
    public synchronized void seed(String meter, long ts, Double importKwh, Double exportKwh, String serial) {
        lasts.put(meter, new Last(ts, importKwh, exportKwh, serial));
        runs.remove(meter);
    }

    public synchronized Verdict check(Reading r) {
        if (r.importKwh() == null && r.exportKwh() == null) {
            return new Verdict(r, null, null, null);
        }
        Last last = lasts.get(r.meter());
        if (last == null) {
            return restart(r, null);
        }
        if (r.serial() != null && last.serial() != null && !r.serial().equals(last.serial())) {
            return restart(r, "serial");
        }
        if (r.ts() <= last.ts()) { // redelivery or a STATUS reply: must not be ahead of what is stored
            String ahead = ahead("import_kwh", last.importKwh(), r.importKwh());
            ahead = ahead != null ? ahead : ahead("export_kwh", last.exportKwh(), r.exportKwh());
            return new Verdict(r, ahead == null ? null : Reason.COUNTER_JUMP, ahead, null);
        }
        Verdict step = step(last, r);
        if (step == null) {
            lasts.put(r.meter(), last.advance(r));
            runs.remove(r.meter());
            return new Verdict(r, null, null, null);
        }
        Run run = runs.get(r.meter());
        int count = run != null && consistent(run.last(), r) ? run.count() + 1 : 1;
        if (count >= resyncAfter) {
            return restart(r, "counter_reset");
        }
        runs.put(r.meter(), new Run(r, count));
        return step;
    }

    private Verdict restart(Reading r, String newSeries) {
        lasts.put(r.meter(), Last.of(r));
        runs.remove(r.meter());
        return new Verdict(r, null, null, newSeries);
    }

    /** The rejection of going from {@code last} to {@code r}, or null when the step is plausible. */
    private Verdict step(Last last, Reading r) {
        double maxKwh = maxPowerW / 1000.0 * (r.ts() - last.ts()) / 3_600_000.0 + SLACK_KWH;
        Verdict v = step("import_kwh", last.importKwh(), r.importKwh(), maxKwh, r);
        return v != null ? v : step("export_kwh", last.exportKwh(), r.exportKwh(), maxKwh, r);
    }

    private static Verdict step(String name, Double before, Double after, double maxKwh, Reading r) {
        if (before == null || after == null) {
            return null;
        }
        if (after < before - TOLERANCE_KWH) {
            return new Verdict(r, Reason.COUNTER_BACKWARDS, name + " went back from " + before + " to " + after, null);
        }
        if (after - before > maxKwh) {
            return new Verdict(r, Reason.COUNTER_JUMP, name + " rose from " + before + " to " + after
                    + ", more than the " + String.format("%.4f", maxKwh) + " kWh the maximum power allows", null);
        }
        return null;
    }

    /** True when {@code r} follows {@code previous} (both rejected) as a plausible next reading. */
    private boolean consistent(Reading previous, Reading r) {
        boolean comparable = previous.importKwh() != null && r.importKwh() != null
                || previous.exportKwh() != null && r.exportKwh() != null;
        return comparable && r.ts() > previous.ts() && step(Last.of(previous), r) == null;
    }

    private static String ahead(String name, Double stored, Double older) {
        return stored != null && older != null && older > stored + TOLERANCE_KWH
                ? name + " " + older + " of an older reading is above the stored " + stored : null;
    }

    /** The last accepted values of a meter. */
    private record Last(long ts, Double importKwh, Double exportKwh, String serial) {
        static Last of(Reading r) {
            return new Last(r.ts(), r.importKwh(), r.exportKwh(), r.serial());
        }

        Last advance(Reading r) {
            return new Last(r.ts(), r.importKwh() != null ? r.importKwh() : importKwh,
                    r.exportKwh() != null ? r.exportKwh() : exportKwh, r.serial() != null ? r.serial() : serial);
        }
    }

    /**
     * What {@link #check} made of a reading.
     *
     * @param reading   the reading checked
     * @param reason    why it was rejected; null when accepted
     * @param detail    the values behind the reason; null when accepted
     * @param newSeries "serial" or "counter_reset" when this accepted reading starts a new counter series
     */
    public record Verdict(Reading reading, Reason reason, String detail, String newSeries) {
    }

    /** Consecutive rejected readings of a meter that agree among themselves. */
    private record Run(Reading last, int count) {
    }
}
