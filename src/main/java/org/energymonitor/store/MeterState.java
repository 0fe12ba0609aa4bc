package org.energymonitor.store;

/**
 * One row of {@code meters}: what the service knows about a meter.
 *
 * @param meter         the meter name
 * @param firstSeen     first message, epoch ms
 * @param lastSeen      last message of any kind, epoch ms
 * @param lastReading   time of the newest reading, epoch ms, or null
 * @param online        the last LWT state (true = Online), null when no LWT was received
 * @param onlineChanged when the LWT state last changed, epoch ms, or null
 * @param serial        the newest serial number reported, or null
 */
public record MeterState(String meter, long firstSeen, long lastSeen, Long lastReading, Boolean online,
                         Long onlineChanged, String serial) {
}
