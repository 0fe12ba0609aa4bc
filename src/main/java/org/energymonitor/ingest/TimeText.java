package org.energymonitor.ingest;

import java.time.Year;

/**
 * Tasmota's {@code Time}, {@code yyyy-MM-ddTHH:mm:ss[.fff…][Z|±HH[:MM]]}, read without
 * DateTimeFormatter. {@code offsetSeconds} is only meaningful when {@code hasOffset}.
 */
record TimeText(int year, int month, int day, int hour, int minute, int second, int millis,
                boolean hasOffset, int offsetSeconds) {

    /** The parsed time, or null when {@code s} is absent or malformed. */
    static TimeText parse(String s) {
        if (s == null || s.length() < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int millis = 0;
        if (i < s.length() && s.charAt(i) == '.') {
            int start = ++i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (i - start < 3) {
                    millis = millis * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int n = i - start; n < 3; n++) {
                millis *= 10;
            }
        }
        if (i == s.length()) {
            return new TimeText(year, month, day, hour, minute, second, millis, false, 0);
        }
        int offset = offsetSeconds(s, i);
        return offset == Integer.MIN_VALUE ? null
                : new TimeText(year, month, day, hour, minute, second, millis, true, offset);
    }

    /** The epoch ms the fields would have if they were UTC. */
    long localEpochMs() {
        long y = year;
        long m = month;
        long days = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400; // days before this year
        days += (367 * m - 362) / 12 + day - 1;
        if (m > 2) {
            days -= Year.isLeap(year) ? 1 : 2;
        }
        days -= 719_528; // days from 0000-01-01 to 1970-01-01
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    /** Z, ±HH, ±HHMM or ±HH:MM starting at {@code i}; Integer.MIN_VALUE when malformed. */
    private static int offsetSeconds(String s, int i) {
        char sign = s.charAt(i);
        int rest = s.length() - i - 1;
        if (sign == 'Z' && rest == 0) {
            return 0;
        }
        if ((sign != '+' && sign != '-') || (rest != 2 && rest != 4 && rest != 5)) {
            return Integer.MIN_VALUE;
        }
        int hours = digits(s, i + 1, 2);
        int minutes = rest == 2 ? 0 : rest == 4 ? digits(s, i + 3, 2)
                : s.charAt(i + 3) == ':' ? digits(s, i + 4, 2) : -1;
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int total = hours * 3600 + minutes * 60;
        return sign == '-' ? -total : total;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int lengthOfMonth(int year, int month) {
        return month == 2 ? (Year.isLeap(year) ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }
}
