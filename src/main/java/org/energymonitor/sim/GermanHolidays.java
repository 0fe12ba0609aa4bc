package org.energymonitor.sim;

import java.time.LocalDate;

/**
 * The public holidays observed in all German states (the ones the BDEW profiles treat as Sundays): New Year,
 * Good Friday, Easter Monday, Labour Day, Ascension, Whit Monday, German Unity Day and the two Christmas days.
 */
final class GermanHolidays {

    private GermanHolidays() {
    }

    static boolean isNationwideHoliday(LocalDate date) {
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        if ((month == 1 && day == 1) || (month == 5 && day == 1) || (month == 10 && day == 3)
                || (month == 12 && (day == 25 || day == 26))) {
            return true;
        }
        if (month < 3 || month > 6) {
            return false;
        }
        long fromEaster = date.toEpochDay() - easterSunday(date.getYear()).toEpochDay();
        return fromEaster == -2 || fromEaster == 1 || fromEaster == 39 || fromEaster == 50;
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
