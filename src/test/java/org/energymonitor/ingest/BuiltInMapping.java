package org.energymonitor.ingest;

import java.util.List;

/** The field mapping of an empty {@code energy.mapping.*} configuration: the built-in names, the group auto-detected. */
final class BuiltInMapping {

    private BuiltInMapping() {
    }

    static FieldMapping of() {
        return new FieldMapping(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
