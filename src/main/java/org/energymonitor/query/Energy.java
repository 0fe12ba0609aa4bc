package org.energymonitor.query;

/**
 * Energy imported and exported over a range, in kWh, from the meter's counters (see {@link EnergyQuery});
 * {@code hasData} is false when no counter series of the meter has readings around the range.
 */
public record Energy(double importKwh, double exportKwh, boolean hasData) {

    public static final Energy NONE = new Energy(0, 0, false);
}
