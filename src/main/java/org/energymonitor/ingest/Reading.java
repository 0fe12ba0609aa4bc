package org.energymonitor.ingest;

/**
 * One meter reading as stored in the {@code readings} table.
 *
 * @param meter     the meter name (the Tasmota device part of the topic unless configured otherwise)
 * @param ts        the instant of the reading, UTC epoch milliseconds
 * @param powerW    total active power in W, negative while exporting; null when not reported
 * @param importKwh cumulative import register (OBIS 1.8.0) in kWh; null when not reported
 * @param exportKwh cumulative export register (OBIS 2.8.0) in kWh; null when not reported
 * @param powerL1W  power on phase L1 in W; null when not reported
 * @param powerL2W  power on phase L2 in W; null when not reported
 * @param powerL3W  power on phase L3 in W; null when not reported
 * @param serial    the meter's serial number when the payload carries one, else null
 */
public record Reading(String meter, long ts, Double powerW, Double importKwh, Double exportKwh,
                      Double powerL1W, Double powerL2W, Double powerL3W, String serial) {

    /** A reading with only the common values, as most meters report them. */
    public static Reading of(String meter, long ts, Double powerW, Double importKwh, Double exportKwh) {
        return new Reading(meter, ts, powerW, importKwh, exportKwh, null, null, null, null);
    }
}
