package org.energymonitor.ingest;

import java.util.Objects;

/**
 * A message that cannot be stored as it is. Thrown once per bad message on the ingest path, so it
 * carries no stack trace.
 */
public final class QuarantineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final String detail;

    public QuarantineException(Reason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason").code() + ": " + detail, null, false, false);
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
