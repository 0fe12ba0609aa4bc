package org.energymonitor.query;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * Reads time and number parameters of the API. A time is accepted as
 * <ul>
 * <li>epoch milliseconds, a whole number from {@code 100000000000} (10<sup>11</sup>, 1973-03-03) up to the end of
 * the year 9999. A smaller number is rejected because it looks like epoch <em>seconds</em> (the original
 * silently read {@code 1704067200} as 1970-01-20); negative numbers, decimals and exponents are rejected;</li>
 * <li>ISO-8601 with an offset or {@code Z}: {@code 2024-03-31T02:30:00+02:00}, {@code 2024-03-31T00:30Z},
 * {@code 2024-03-31T06:00+05:30} (seconds and a fraction are optional);</li>
 * <li>ISO-8601 without an offset, {@code 2024-03-31T14:00[:00[.000]]}, meaning that wall-clock time in the
 * configured zone. A time in the spring-forward gap moves forward by the length of the gap
 * ({@code 2024-03-31T02:30} in Europe/Berlin is 03:30 CEST); a time in the autumn overlap takes the earlier
 * offset ({@code 2024-10-27T02:30} is 02:30 CEST, i.e. {@code +02:00});</li>
 * <li>a bare date {@code 2024-03-31}, meaning its local midnight in the configured zone.</li>
 * </ul>
 * ISO times must be written with a year from 1970 to 9999 and with a {@code T} between date and time. Blank
 * values, values longer than 64 characters and anything else are rejected with a {@link BadParameterException}
 * that names the parameter. A {@code +} sent unencoded in a URL arrives as a space; the message says so.
 */
public final class TimeParameter {

    /** Below this an integer is taken for epoch seconds: 10^11 ms is 1973-03-03, 10^11 s is the year 5138. */
    public static final long MIN_EPOCH_MS = 100_000_000_000L;
    /** 9999-12-31T23:59:59.999Z. */
    public static final long MAX_EPOCH_MS = 253_402_300_799_999L;
    public static final int MAX_LENGTH = 64;

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffsetId().optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;

    public TimeParameter(ZoneId zone) {
        this.zone = zone;
    }

    /** The time {@code raw} stands for, in epoch milliseconds. */
    public long parse(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new BadParameterException(name, "a time is required (ISO-8601 or epoch milliseconds)");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new BadParameterException(name, "a value of " + raw.length() + " characters is too long (at most "
                    + MAX_LENGTH + ")");
        }
        if (INTEGER.matcher(raw).matches()) {
            return epochMillis(name, raw);
        }
        if (DECIMAL.matcher(raw).matches()) {
            throw new BadParameterException(name, BadParameterException.quote(raw)
                    + " is not a whole number of epoch milliseconds");
        }
        Long ms = iso(raw);
        if (ms == null) {
            String hint = raw.indexOf(' ') > 0 && iso(raw.replace(' ', '+')) != null
                    ? " (a '+' in a URL must be sent as %2B)" : "";
            throw new BadParameterException(name, BadParameterException.quote(raw)
                    + " is not an ISO-8601 time or epoch milliseconds" + hint);
        }
        int year = Integer.parseInt(raw.substring(0, raw.indexOf('-', 1)));
        if (year < 1970 || year > 9999) {
            throw new BadParameterException(name, BadParameterException.quote(raw)
                    + " is outside the years 1970 to 9999");
        }
        return ms;
    }

    /** {@link #parse} for a parameter that may be left out: null or "" gives null. */
    public Long optional(String name, String raw) {
        return raw == null || raw.isEmpty() ? null : parse(name, raw);
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when {@code raw} is null or "". */
    public int parseInt(String name, String raw, int min, int max, int fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        if (raw.length() > 11 || !INTEGER.matcher(raw).matches()) {
            throw new BadParameterException(name, BadParameterException.quote(raw) + " is not a whole number");
        }
        long value = Long.parseLong(raw);
        if (value < min || value > max) {
            throw new BadParameterException(name, value + " is outside " + min + " to " + max);
        }
        return (int) value;
    }

    private static long epochMillis(String name, String raw) {
        if (raw.startsWith("-")) {
            throw new BadParameterException(name, raw.length() > 20 ? "a negative number is not a time"
                    : raw + " is negative; expected epoch milliseconds (ms since 1970-01-01T00:00:00Z)");
        }
        String digits = raw.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 15 || Long.parseLong(digits) > MAX_EPOCH_MS) {
            throw new BadParameterException(name, BadParameterException.quote(raw)
                    + " is after the year 9999 as epoch milliseconds");
        }
        long value = Long.parseLong(digits);
        if (value < MIN_EPOCH_MS) {
            String fix = value >= MIN_EPOCH_MS / 1000 ? "; multiply by 1000: " + value * 1000 : "";
            throw new BadParameterException(name, value + " looks like epoch seconds (it is below " + MIN_EPOCH_MS
                    + "); epoch milliseconds are expected" + fix);
        }
        return value;
    }

    /** Epoch ms of an ISO-8601 date or date-time, or null when {@code raw} is neither. */
    private Long iso(String raw) {
        try {
            if (DATE.matcher(raw).matches()) {
                return LocalDate.parse(raw).atStartOfDay(zone).toInstant().toEpochMilli();
            }
            TemporalAccessor t = DATE_TIME.parseBest(raw, OffsetDateTime::from, LocalDateTime::from);
            if (t instanceof OffsetDateTime odt) {
                return odt.toInstant().toEpochMilli();
            }
            return ((LocalDateTime) t).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }
}
