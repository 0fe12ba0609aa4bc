package org.energymonitor.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.sql.DataSource;

/**
 * A few open connections for the API's read queries: opening a SQLite connection (file, schema, the rollup
 * functions) costs about as much as a whole live-poll query. Closing a borrowed connection returns it; beyond
 * {@code size} idle ones it is really closed.
 */
final class ReadPool implements AutoCloseable {

    private final DataSource source;
    private final BlockingQueue<Connection> idle;
    /** Bumped by {@link #renew()}: connections of an older generation are closed when given back. */
    private volatile int generation;

    ReadPool(DataSource source, int size) {
        this.source = source;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    Connection borrow() throws SQLException {
        Connection real = idle.poll();
        if (real == null || real.isClosed()) {
            real = source.getConnection();
        }
        Connection connection = real;
        int borrowedIn = generation;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (borrowedIn != generation) {
                            connection.close();
                            return null;
                        }
                        giveBack(connection);
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection real) throws SQLException {
        if (real.isClosed()) {
            return;
        }
        if (!real.getAutoCommit()) {
            real.rollback();
            real.setAutoCommit(true);
        }
        if (!idle.offer(real)) {
            real.close();
        }
    }

    /** Closes the idle connections and retires the borrowed ones: the next borrow opens the file anew. */
    void renew() throws SQLException {
        generation++;
        close();
    }

    @Override
    public void close() throws SQLException {
        Connection c;
        while ((c = idle.poll()) != null) {
            c.close();
        }
    }
}
