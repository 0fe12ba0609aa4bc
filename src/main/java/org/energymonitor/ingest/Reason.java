package org.energymonitor.ingest;

/** Why a message was quarantined instead of stored; {@link #code()} is what the quarantine table records. */
public enum Reason {
    /** The payload is longer than the configured maximum. */
    TOO_LARGE("too_large"),
    /** The payload bytes are not valid UTF-8. */
    NOT_UTF8("not_utf8"),
    /** The payload text is not JSON. */
    NOT_JSON("not_json"),
    /** The payload is JSON but not an object (number, string, array, null). */
    NOT_OBJECT("not_object"),
    /** A meter field is null, non-numeric, NaN or Infinity. */
    BAD_VALUE("bad_value"),
    /** A negative counter, a counter above 1e9 kWh, or a power above the configured maximum. */
    ABSURD_VALUE("absurd_value"),
    /** The topic has no device level. */
    BAD_TOPIC("bad_topic"),
    /** A Last Will payload other than Online or Offline. */
    BAD_LWT("bad_lwt"),
    /** A counter lower than the meter's last accepted value. */
    COUNTER_BACKWARDS("counter_backwards"),
    /** A counter higher than the maximum power allows since the last accepted value. */
    COUNTER_JUMP("counter_jump"),
    /**
     * A retained reading (the broker's copy, sent to every new subscription) without a believable Tasmota Time: its
     * receive time would make it a new reading each time it is sent.
     */
    RETAINED_WITHOUT_TIME("retained_without_time");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    /** The lowercase snake_case code, e.g. {@code counter_backwards}. */
    public String code() {
        return code;
    }
}
