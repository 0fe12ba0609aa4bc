package org.energymonitor.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wrong passwords per client address, with a lockout that grows: the {@code freeFailures}th failure locks an address
 * for 1 s, each further one for 2 s, 4 s, ... up to {@code maxLockoutSeconds}; while locked its attempts are refused
 * without being checked, so neither guesses nor PBKDF2 work go through. A correct password, or as long as the longest
 * lockout without a failure, forgets the address. Used by the dashboard's {@link AuthHandler} and by the embedded broker.
 * At most 10,000 addresses are tracked (then the table starts afresh; the global cap on checks still holds).
 */
public final class LoginFailures {

    private record Entry(int failures, long lockedUntil, long lastFailure) {
    }

    private final int free;
    private final long maxLockMillis;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong lockouts = new AtomicLong();

    public LoginFailures(LoginLimits limits) {
        this.free = limits.freeFailures();
        this.maxLockMillis = limits.maxLockoutSeconds() * 1000L;
    }

    /** Milliseconds {@code client} is still locked out at {@code nowMillis}; 0 when it may try. */
    public long lockedFor(String client, long nowMillis) {
        Entry e = entries.get(client);
        return e == null ? 0 : Math.max(0, e.lockedUntil() - nowMillis);
    }

    /** Records a wrong password from {@code client}; returns the lockout it starts in ms (0 = none yet). */
    public long failed(String client, long nowMillis) {
        if (entries.size() > 10_000) {
            entries.clear();
        }
        Entry e = entries.compute(client, (k, old) -> {
            int failures = old == null || nowMillis - old.lastFailure() > maxLockMillis ? 1 : old.failures() + 1;
            long lock = failures < free ? 0 : Math.min(maxLockMillis, 1000L << Math.min(30, failures - free));
            return new Entry(failures, nowMillis + lock, nowMillis);
        });
        long lock = e.lockedUntil() - nowMillis;
        if (lock > 0) {
            lockouts.incrementAndGet();
        }
        return lock;
    }

    /** A correct password from {@code client}: its failures are forgotten. */
    public void succeeded(String client) {
        entries.remove(client);
    }

    /** Lockouts started since start-up. */
    public long lockouts() {
        return lockouts.get();
    }
}
