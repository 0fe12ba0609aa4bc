package org.energymonitor.app;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.camel.Service;
import org.energymonitor.store.InstanceLock;

/** Releases the database's instance lock when the service stops (the OS releases it when the process dies). */
final class LockService implements Service {

    private final InstanceLock lock;

    LockService(InstanceLock lock) {
        this.lock = lock;
    }

    @Override
    public void start() {
        // acquired while the beans were built
    }

    @Override
    public void stop() {
        try {
            lock.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
