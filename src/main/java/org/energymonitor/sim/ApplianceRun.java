package org.energymonitor.sim;

import java.util.List;
import java.util.random.RandomGenerator;

/** One run of an appliance's program, from its start; the stage lengths and the wattage are drawn at the start. */
final class ApplianceRun {

    private final long start;
    private final List<Appliance.Stage> stages;
    private final long[] stageEnds;
    private final double[] watts;

    ApplianceRun(Appliance appliance, long start, RandomGenerator random) {
        this.start = start;
        this.stages = appliance.stages();
        this.stageEnds = new long[stages.size()];
        this.watts = new double[stages.size()];
        double wattFactor = 0.92 + 0.16 * random.nextDouble();
        long end = start;
        for (int i = 0; i < stages.size(); i++) {
            Appliance.Stage stage = stages.get(i);
            double minutes = stage.minMinutes() + (stage.maxMinutes() - stage.minMinutes()) * random.nextDouble();
            end += Math.round(minutes * 60_000);
            stageEnds[i] = end;
            watts[i] = stage.watts() * wattFactor;
        }
    }

    boolean finishedAt(long t) {
        return t >= stageEnds[stageEnds.length - 1];
    }

    /** The power drawn at {@code t} (0 before the start and after the end). */
    double wattsAt(long t) {
        long stageStart = start;
        for (int i = 0; i < stageEnds.length; i++) {
            if (t < stageEnds[i]) {
                if (t < stageStart) {
                    return 0;
                }
                Appliance.Stage stage = stages.get(i);
                if (stage.offSeconds() == 0) {
                    return watts[i];
                }
                long cycle = (stage.onSeconds() + stage.offSeconds()) * 1000L;
                return (t - stageStart) % cycle < stage.onSeconds() * 1000L ? watts[i] : 0;
            }
            stageStart = stageEnds[i];
        }
        return 0;
    }
}
