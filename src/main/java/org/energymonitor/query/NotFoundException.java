package org.energymonitor.query;

/** Nothing to answer with (an empty database); the API answers {@code 404 {"error": message}}. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
