package org.energymonitor.routes;

/** An operator route file that cannot run: the message names the file, the line and what is wrong. */
public final class RouteFileException extends IllegalStateException {

    public RouteFileException(String message) {
        super(message);
    }

    public RouteFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
