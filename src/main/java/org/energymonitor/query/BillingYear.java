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

    /**
     * The forecast when readings only begin at {@code dataStart}: the pace is measured over the covered part of
     * the year, and the part before monitoring began is assumed to have used energy at that same pace.
     */
    public Forecast forecast(EnergySource energy, long dataStart) {
        LocalDate startDate = startDate();
        long start = ms(startDate);
        long end = ms(startDate.plusYears(1));
        long now = clock.millis();
        long measuredFrom = Math.min(now, Math.max(start, dataStart));
        long measured = now - measuredFrom;
        double share = (now - start) / (double) (end - start);

        Cost soFar = tariffs.cost(measuredFrom, now, energy);
        double importRate = measured > 0 ? soFar.importKwh() / measured : 0;
        double exportRate = measured > 0 ? soFar.exportKwh() / measured : 0;
        EnergySource pace = (a, b) -> new Kwh(importRate * (b - a), exportRate * (b - a));
        Cost before = tariffs.cost(start, measuredFrom, pace);
        Cost rest = tariffs.cost(now, end, pace);
        double expectedKwh = before.importKwh() + soFar.importKwh() + rest.importKwh();
        double expectedCost = before.total() + soFar.total() + rest.total();

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
