package org.energymonitor.query;

/**
 * What a range cost: {@code total = importCost - feedInCredit + baseFee}. Money is not rounded here (the JSON
 * layer rounds to cents), so parts add up exactly.
 */
public record Cost(double importKwh, double exportKwh, double importCost, double feedInCredit, double baseFee,
                   double total, String currency) {
}
