package org.energymonitor.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The one line a refused start prints on standard error: the messages of an exception's causes, outermost first,
 * without Camel's wrappers that only repeat their cause, so the operator reads the reason in the journal's last line.
 */
final class StartupRefusal {

    private StartupRefusal() {
    }

    static String reason(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (parts.stream().noneMatch(p -> p.contains(message)) && !wrapsItsCause(t, message)) {
                parts.add(message.replaceAll("\\s*\\R\\s*", " "));
            }
        }
        return parts.isEmpty() ? e.getClass().getName() : String.join(": ", parts);
    }

    /** Camel's RuntimeCamelException and Java's wrappers carry "java.x.SomeException: cause message" as text. */
    private static boolean wrapsItsCause(Throwable t, String message) {
        Throwable cause = t.getCause();
        return cause != null && message.equals(cause.toString());
    }
}
