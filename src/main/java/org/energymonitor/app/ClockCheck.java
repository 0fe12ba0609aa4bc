package org.energymonitor.app;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host clock before the jar's build time is certainly wrong (a Raspberry Pi without a real-time clock before NTP
 * has synced): readings would be stored in the past, so it is logged loudly.
 */
final class ClockCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ClockCheck.class);
    private final Clock clock;

    ClockCheck(Clock clock) {
        this.clock = clock;
    }

    boolean warnIfBeforeBuild() {
        Instant built = Version.buildTime();
        if (built != null && clock.instant().isBefore(built)) {
            LOG.error("THE SYSTEM CLOCK IS WRONG: it says {} but this program was built at {}. Readings without a "
                    + "plausible meter time will be stored with wrong timestamps until the clock is set (check NTP).",
                    clock.instant(), built);
            return true;
        }
        return false;
    }
}
