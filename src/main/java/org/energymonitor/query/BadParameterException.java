package org.energymonitor.query;

/**
 * A request parameter that cannot be used; the API answers {@code 400 {"error": message, "parameter": name}}.
 * The message always names the parameter.
 */
public final class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message.startsWith(parameter + ":") ? message : parameter + ": " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
