package org.energymonitor.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

/**
 * The billing year that contains now (it starts on the 1st of {@code energy.billing.start-month}, 00:00 local
 * time) and the forecast for it.
 *
 * <p>The forecast assumes the year goes on at the pace so far, measured by time: {@code expectedKwh = usedKwh /
 * elapsedShare}. {@code expectedCost} is the cost so far at the tariffs in force plus the rest of the year at the
 * same average import and export rate (kWh per ms) priced with the tariffs in force then, so a price change
 * configured for later in the year is included, and the base fee is the exact prorated fee of the whole year.
 * At the very start of the year ({@code elapsedShare = 0}) the pace is taken as zero.
 *
 * <p>The advance counts as paid at the start of each billing month, so {@code advancePaid} includes the current
 * month; {@code advanceYear = 12 × advance} and {@code expectedBalance = advanceYear - expectedCost}. With no advance
 * configured ({@code energy.billing.monthly-advance = 0}) these three are null.
 */
public final class BillingYear {

    private final ZoneId zone;
    private final Clock clock;
    private final Tariffs tariffs;
    private final int startMonth;
    private final double monthlyAdvance;

    public BillingYear(ZoneId zone, Clock clock, Tariffs tariffs, int startMonth, double monthlyAdvance) {
        if (startMonth < 1 || startMonth > 12) {
            throw new IllegalArgumentException("energy.billing.start-month must be 1 to 12, not " + startMonth);
        }
        if (!(monthlyAdvance >= 0) || Double.isInfinite(monthlyAdvance)) {
            throw new IllegalArgumentException("energy.billing.monthly-advance must be 0 (none) or more, not "
                    + monthlyAdvance);
        }
        this.zone = zone;
        this.clock = clock;
        this.tariffs = tariffs;
        this.startMonth = startMonth;
        this.monthlyAdvance = monthlyAdvance;
    }

    /** The billing year of {@code energy.billing.start-month} and {@code .monthly-advance} (empty = 1 and 0). */
    public static BillingYear read(UnaryOperator<String> setting, ZoneId zone, Clock clock, Tariffs tariffs) {
        String month = setting.apply("energy.billing.start-month");
        String advance = setting.apply("energy.billing.monthly-advance");
        try {
            return new BillingYear(zone, clock, tariffs,
                    month == null || month.isBlank() ? 1 : Integer.parseInt(month.trim()),
                    advance == null || advance.isBlank() ? 0 : Double.parseDouble(advance.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("energy.billing.start-month (\"" + month + "\") and .monthly-advance (\""
                    + advance + "\") must be numbers", e);
        }
    }

    /** The local date the current billing year starts on. */
    public LocalDate startDate() {
        LocalDate today = ZonedDateTime.ofInstant(clock.instant(), zone).toLocalDate();
        LocalDate start = LocalDate.of(today.getYear(), startMonth, 1);
        return start.isAfter(today) ? start.minusYears(1) : start;
    }

    /** The forecast for the current billing year; {@code energy} supplies the readings so far. */
    public Forecast forecast(EnergySource energy) {
        LocalDate startDate = startDate();
        long start = ms(startDate);
        long end = ms(startDate.plusYears(1));
        long now = clock.millis();
        long elapsed = now - start;
        double share = elapsed / (double) (end - start);

        Cost soFar = tariffs.cost(start, now, energy);
        double importRate = elapsed > 0 ? soFar.importKwh() / elapsed : 0;
        double exportRate = elapsed > 0 ? soFar.exportKwh() / elapsed : 0;
        Cost rest = tariffs.cost(now, end, (a, b) -> new Kwh(importRate * (b - a), exportRate * (b - a)));
        double expectedKwh = soFar.importKwh() + rest.importKwh();
        double expectedCost = soFar.total() + rest.total();

        Double paid = null, year = null, balance = null;
        if (monthlyAdvance > 0) {
            LocalDate today = ZonedDateTime.ofInstant(clock.instant(), zone).toLocalDate();
            int monthsBegun = (int) ChronoUnit.MONTHS.between(startDate, today) + 1;
            paid = monthsBegun * monthlyAdvance;
            year = 12 * monthlyAdvance;
            balance = year - expectedCost;
        }
        return new Forecast(start, end, share, soFar.importKwh(), expectedKwh, expectedCost, paid, year, balance,
                tariffs.currency());
    }

    private long ms(LocalDate date) {
        return date.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
