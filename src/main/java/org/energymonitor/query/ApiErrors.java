package org.energymonitor.query;

/** The bodies of API error answers. */
public final class ApiErrors {

    /** {@code {"error": message}}. */
    public record Message(String error) {
    }

    /** {@code {"error": message, "parameter": name}}: the message names the parameter too. */
    public record BadParameter(String error, String parameter) {
    }

    public Message message(String text) {
        return new Message(text);
    }

    public BadParameter badParameter(BadParameterException e) {
        return new BadParameter(e.getMessage(), e.parameter());
    }
}
