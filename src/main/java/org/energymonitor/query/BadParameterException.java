package org.energymonitor.query;

/**
 * A request parameter that cannot be used. The message always starts with the parameter's name
 * ({@code start: "2024-13-01" is not an ISO-8601 time or epoch milliseconds}); the HTTP layer answers
 * {@code 400 {"error": message, "parameter": name}}.
 */
public final class BadParameterException extends RuntimeException {

    private static final int MAX_ECHO = 64;
    private final String parameter;

    /** {@code problem} is the rest of the sentence after {@code "<parameter>: "}. */
    public BadParameterException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /**
     * {@code raw} in double quotes, safe to echo in a message or a log line: quotes, backslashes and control
     * characters are escaped as {@code \\uXXXX}, and anything after 64 characters is cut off.
     */
    static String quote(String raw) {
        StringBuilder out = new StringBuilder("\"");
        int n = Math.min(raw.length(), MAX_ECHO);
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(raw.length() > MAX_ECHO ? "…\"" : "\"").toString();
    }
}
