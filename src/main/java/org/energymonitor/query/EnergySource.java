package org.energymonitor.query;

/** Where {@link Tariffs#cost} gets its energy from: usually the readings table, in tests a formula. */
@FunctionalInterface
public interface EnergySource {

    /** Energy over {@code [start, end)}, epoch ms. */
    Kwh between(long start, long end);
}
