package org.energymonitor.app;

import org.apache.camel.Service;
import org.energymonitor.store.Database;

/** Closes the database after the routes have stopped (and written their last batch). */
final class DatabaseService implements Service {

    private final Database database;

    DatabaseService(Database database) {
        this.database = database;
    }

    @Override
    public void start() {
        // opened and migrated while the beans were built
    }

    @Override
    public void stop() {
        database.close();
    }
}
