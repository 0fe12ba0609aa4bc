package org.energymonitor.web;

/**
 * How hard password guessing is made, for the dashboard and for the embedded broker alike.
 *
 * @param freeFailures      wrong passwords from a client address that lock it out (at least 1)
 * @param maxLockoutSeconds the longest lockout: the first lasts 1 s and each further failure doubles it up to this
 * @param checksPerSecond   password checks a second for all clients together (HTTP only: PBKDF2 costs CPU);
 *                          bursts of twice as many
 */
public record LoginLimits(int freeFailures, int maxLockoutSeconds, double checksPerSecond) {

    /** The defaults of application.properties. */
    public static final LoginLimits DEFAULTS = new LoginLimits(5, 300, 5);

    public LoginLimits {
        if (freeFailures < 1 || maxLockoutSeconds < 1 || checksPerSecond <= 0) {
            throw new IllegalArgumentException("login limits must be positive: free failures " + freeFailures
                    + ", max lockout " + maxLockoutSeconds + " s, checks " + checksPerSecond + "/s");
        }
    }
}
