package org.energymonitor.sim;

import java.util.random.RandomGenerator;

/** A fridge-freezer compressor: 80-120 W for 12-18 minutes, then off for 25-35 minutes, on phase L3. */
final class FridgeCycle {

    /** Long-run mean power in W: about 100 W for a third of the time. */
    static final double MEAN_WATTS = 100.0 * 15 / (15 + 30);

    private final double scale;
    private boolean started;
    private boolean on;
    private long switchAt;
    private double watts;

    /** @param scale factor on the compressor's power (1 for a normal fridge) */
    FridgeCycle(double scale) {
        this.scale = scale;
    }

    /** The power drawn at {@code t}; {@code t} must not decrease between calls. */
    double wattsAt(long t, RandomGenerator random) {
        if (!started) {
            started = true;
            on = random.nextDouble() < 1.0 / 3.0;
            watts = drawWatts(random);
            switchAt = t + (long) (random.nextDouble() * duration(on, random));
        }
        while (t >= switchAt) {
            on = !on;
            if (on) {
                watts = drawWatts(random);
            }
            switchAt += duration(on, random);
        }
        return on ? watts * scale : 0;
    }

    private static double drawWatts(RandomGenerator random) {
        return 80 + 40 * random.nextDouble();
    }

    private static long duration(boolean on, RandomGenerator random) {
        double minutes = on ? 12 + 6 * random.nextDouble() : 25 + 10 * random.nextDouble();
        return Math.round(minutes * 60_000);
    }
}
