package org.energymonitor.sim;

import java.util.List;

/**
 * One household appliance of the simulated meter: on which phase it runs, how often it starts at each hour of the
 * day, and the program it runs once started (a list of stages).
 *
 * @param name         for tests and debugging
 * @param phase        0, 1 or 2 for L1, L2 or L3; {@link #ALL_PHASES} for a three-phase load such as an oven
 * @param startsPerDay mean number of runs a day in the reference household
 * @param hourWeights  24 digits, one per local hour 00..23: how the starts spread over the day (relative weights)
 * @param stages       the program, run in order
 */
record Appliance(String name, int phase, double startsPerDay, String hourWeights, List<Stage> stages) {

    static final int ALL_PHASES = -1;

    /**
     * One stage of a program: it lasts between {@code minMinutes} and {@code maxMinutes}, drawing {@code watts};
     * with {@code offSeconds > 0} the load cycles (thermostat, drum) {@code onSeconds} on, {@code offSeconds} off.
     */
    record Stage(double minMinutes, double maxMinutes, double watts, int onSeconds, int offSeconds) {

        static Stage steady(double minMinutes, double maxMinutes, double watts) {
            return new Stage(minMinutes, maxMinutes, watts, 0, 0);
        }

        static Stage cycling(double minMinutes, double maxMinutes, double watts, int onSeconds, int offSeconds) {
            return new Stage(minMinutes, maxMinutes, watts, onSeconds, offSeconds);
        }

        double duty() {
            return offSeconds == 0 ? 1.0 : onSeconds / (double) (onSeconds + offSeconds);
        }

        double meanKwh() {
            return watts * duty() * (minMinutes + maxMinutes) / 2.0 / 60.0 / 1000.0;
        }
    }

    Appliance {
        if (hourWeights.length() != 24 || !hourWeights.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(name + ": hourWeights needs 24 digits, got " + hourWeights);
        }
        if (phase < ALL_PHASES || phase > 2) {
            throw new IllegalArgumentException(name + ": phase must be 0, 1, 2 or ALL_PHASES");
        }
        stages = List.copyOf(stages);
    }

    /** Mean energy of one run in kWh. */
    double meanKwhPerRun() {
        return stages.stream().mapToDouble(Stage::meanKwh).sum();
    }

    /** Mean number of starts during the given local hour in the reference household. */
    double startsPerHour(int hour) {
        int total = hourWeights.chars().map(c -> c - '0').sum();
        return startsPerDay * (hourWeights.charAt(hour) - '0') / total;
    }
}
