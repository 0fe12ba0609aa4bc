package org.energymonitor.query;

import java.util.Collection;
import java.util.Map;

/**
 * The query parameters of one API request, as the HTTP route hands them over (its message headers).
 * A parameter given twice is an error rather than a silent pick of one value.
 */
final class RequestParameters {

    private final Map<String, Object> values;

    RequestParameters(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** The value of {@code name}, or null when it is absent or empty. */
    String get(String name) {
        Object v = values.get(name);
        if (v instanceof Collection<?> many) {
            throw new BadParameterException(name, "given " + many.size() + " times; give it once");
        }
        if (v == null) {
            return null;
        }
        String s = v.toString();
        return s.isBlank() ? null : s;
    }
}
