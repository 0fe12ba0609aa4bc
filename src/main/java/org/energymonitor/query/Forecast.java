package org.energymonitor.query;

/**
 * Where the billing year {@code [yearStart, yearEnd)} is heading at the current pace. {@code elapsedShare} is the
 * share of the year's time that has passed (0 to 1). kWh are imported energy. {@code advancePaid},
 * {@code advanceYear} and {@code expectedBalance} are null when no monthly advance is configured;
 * {@code expectedBalance} is positive for an expected refund, negative for an expected back payment.
 */
public record Forecast(long yearStart, long yearEnd, double elapsedShare, double usedKwh, double expectedKwh,
                       double expectedCost, Double advancePaid, Double advanceYear, Double expectedBalance,
                       String currency) {
}
