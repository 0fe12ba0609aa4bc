package org.energymonitor.ingest;

/**
 * What one Tasmota message turned into.
 *
 * @param kind       "reading", "state" (updates last-seen only) or "ignored" (a SENSOR message without a meter group)
 * @param device     the device level of the topic
 * @param reading    the reading; non-null only for kind "reading"
 * @param group      the payload key of the meter group (may be ""); null unless kind is "reading"
 * @param deviceTime Tasmota's {@code Time} as sent, or null
 */
public record Transformed(String kind, String device, Reading reading, String group, String deviceTime) {
}
