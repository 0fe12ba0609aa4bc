package org.energymonitor.sim;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;

import org.energymonitor.ingest.Reading;

/**
 * A realistic single household behind a three-phase meter: the BDEW H0 mean (scaled down to leave room for the
 * events) plus a fridge compressor cycle, random appliance runs whose start rates depend on the local hour (kettle,
 * oven, hob, washing machine with its heating phase, dishwasher...) and noise. Power never goes negative and nothing
 * is exported.
 * <p>
 * Time advances in internal steps of at most one minute; each step's power (whole watts per phase) is held for the
 * step, so the reported power is the exact mean over the interval since the previous reading and the import counter
 * advances by exactly that power times the elapsed time. The counter is reported with the meter's 0.1 Wh resolution.
 * The same seed and the same sequence of timestamps always give the same readings.
 */
public final class SimulatedMeter {

    static final long MAX_STEP_MS = 60_000;
    private static final double MS_PER_HOUR = 3_600_000.0;
    private static final double HOURS_PER_YEAR = 8765.82;
    private static final double MAX_EVENT_SHARE = 0.6;
    private static final double[] BASE_SPLIT = {0.40, 0.35, 0.25};

    private final LoadProfile profile;
    private final ZoneId zone;
    private final double yearlyKwh;
    private final List<Appliance> appliances;
    private final double[][] startsPerMs;
    private final ApplianceRun[] running;
    private final FridgeCycle fridge;
    private final double baseScale;
    private final SplittableRandom random;
    private final double[] step = new double[3];
    private double importKwh;
    private Reading last;

    public SimulatedMeter(LoadProfile profile, ZoneId zone, double yearlyKwh, long seed, double startImportKwh) {
        if (!(yearlyKwh > 0) || !(startImportKwh >= 0)) {
            throw new IllegalArgumentException("yearlyKwh must be positive and startImportKwh not negative, got "
                    + yearlyKwh + " and " + startImportKwh);
        }
        this.profile = profile;
        this.zone = zone;
        this.yearlyKwh = yearlyKwh;
        this.appliances = Household.appliances();
        this.random = new SplittableRandom(seed);
        this.importKwh = startImportKwh;
        double rateScale = yearlyKwh / Household.REFERENCE_KWH;
        double applianceKwh = appliances.stream()
                .mapToDouble(a -> a.startsPerDay() * a.meanKwhPerRun()).sum() * HOURS_PER_YEAR / 24 * rateScale;
        double eventKwh = applianceKwh + FridgeCycle.MEAN_WATTS * HOURS_PER_YEAR / 1000;
        double eventScale = Math.min(1.0, MAX_EVENT_SHARE * yearlyKwh / eventKwh);
        this.baseScale = 1.0 - eventScale * eventKwh / yearlyKwh;
        this.fridge = new FridgeCycle(eventScale);
        this.running = new ApplianceRun[appliances.size()];
        this.startsPerMs = new double[appliances.size()][24];
        for (int i = 0; i < appliances.size(); i++) {
            for (int hour = 0; hour < 24; hour++) {
                startsPerMs[i][hour] = appliances.get(i).startsPerHour(hour) * rateScale * eventScale / MS_PER_HOUR;
            }
        }
    }

    /**
     * The reading of {@code meter} at {@code tsMs}; timestamps must not decrease from one call to the next. The first
     * reading carries the start counter and the power at that instant.
     */
    public synchronized Reading next(String meter, long tsMs) {
        if (last != null && tsMs < last.ts()) {
            throw new IllegalArgumentException("Timestamps must not decrease: " + tsMs + " after " + last.ts());
        }
        double[] phases = new double[3];
        if (last == null) {
            sample(tsMs, 0);
            System.arraycopy(step, 0, phases, 0, 3);
        } else if (tsMs == last.ts()) {
            return new Reading(meter, tsMs, last.powerW(), last.importKwh(), last.exportKwh(),
                    last.powerL1W(), last.powerL2W(), last.powerL3W(), null);
        } else {
            long elapsed = tsMs - last.ts();
            for (long t = last.ts(); t < tsMs; ) {
                long stepMs = Math.min(MAX_STEP_MS, tsMs - t);
                t += stepMs;
                sample(t, stepMs);
                for (int i = 0; i < 3; i++) {
                    phases[i] += step[i] * stepMs / elapsed;
                }
                importKwh += (step[0] + step[1] + step[2]) * stepMs / MS_PER_HOUR / 1000.0;
            }
        }
        double counter = Math.round(importKwh * 10_000) / 10_000.0;
        last = new Reading(meter, tsMs, phases[0] + phases[1] + phases[2], counter, 0.0,
                phases[0], phases[1], phases[2], null);
        return last;
    }

    /** Fills {@link #step} with the whole-watt power per phase at {@code t}, after a step of {@code stepMs}. */
    private void sample(long t, long stepMs) {
        ZonedDateTime local = Instant.ofEpochMilli(t).atZone(zone);
        int hour = local.getHour();
        double base = profile.meanWatts(local, yearlyKwh) * baseScale;
        double total = Math.max(0.0, base + (0.04 * base + 5.0) * random.nextGaussian());
        for (int i = 0; i < 3; i++) {
            step[i] = total * BASE_SPLIT[i];
        }
        step[2] += fridge.wattsAt(t, random);
        for (int i = 0; i < running.length; i++) {
            if (running[i] != null && running[i].finishedAt(t)) {
                running[i] = null;
            }
            double rate = startsPerMs[i][hour];
            if (running[i] == null && rate > 0 && stepMs > 0 && random.nextDouble() < rate * stepMs) {
                running[i] = new ApplianceRun(appliances.get(i), t, random);
            }
            if (running[i] != null) {
                add(appliances.get(i).phase(), running[i].wattsAt(t));
            }
        }
        for (int i = 0; i < 3; i++) {
            step[i] = Math.round(step[i]);
        }
    }

    private void add(int phase, double watts) {
        if (phase == Appliance.ALL_PHASES) {
            for (int i = 0; i < 3; i++) {
                step[i] += watts / 3;
            }
        } else {
            step[phase] += watts;
        }
    }
}
