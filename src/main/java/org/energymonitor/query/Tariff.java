package org.energymonitor.query;

import java.time.LocalDate;

/**
 * One electricity tariff, valid from the local midnight of {@code validFrom} (in the configured zone) until
 * the next tariff starts. Prices are per kWh, the base fee per calendar month, all in {@code currency}.
 */
public record Tariff(LocalDate validFrom, double pricePerKwh, double feedInPerKwh, double baseFeePerMonth,
                     String currency) {
}
