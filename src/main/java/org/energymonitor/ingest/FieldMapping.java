package org.energymonitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which group key and field names of a Tasmota SML payload hold the meter values. Names configured
 * by the operator are tried before the built-in defaults; they never remove a default.
 */
public final class FieldMapping {

    private static final List<String> IMPORT = List.of("Total_in", "E_in", "Verbrauch", "total_kwh",
            "Zaehlerstand_In", "Bezug", "Import", "1_8_0", "E_total_in", "Energy_in");
    private static final List<String> EXPORT = List.of("Total_out", "E_out", "Einspeisung", "Export", "2_8_0",
            "E_total_out", "Energy_out");
    private static final List<String> POWER = List.of("Power_cur", "Power_curr", "Power", "curr_w", "Leistung",
            "Power_in", "Watt", "16_7_0");
    private static final List<String> SERIAL = List.of("Meter_id", "Meter_number", "Meter_ID", "Serial",
            "Zaehlernummer", "96_1_0");

    private final String group;
    private final List<String> groupNames;
    private final List<String> importFields;
    private final List<String> exportFields;
    private final List<String> powerFields;
    private final List<String> l1Fields;
    private final List<String> l2Fields;
    private final List<String> l3Fields;
    private final List<String> serialFields;
    private final List<List<String>> all;

    /** Each list holds extra names to try first; null or empty lists mean defaults only; blank group = auto-detect. */
    public FieldMapping(String group, List<String> importFields, List<String> exportFields, List<String> powerFields,
                        List<String> l1Fields, List<String> l2Fields, List<String> l3Fields,
                        List<String> serialFields) {
        this.group = group == null || group.isBlank() ? null : group.trim();
        this.groupNames = this.group == null ? List.of() : List.of(this.group);
        this.importFields = merge(importFields, IMPORT);
        this.exportFields = merge(exportFields, EXPORT);
        this.powerFields = merge(powerFields, POWER);
        this.l1Fields = merge(l1Fields, phase(1));
        this.l2Fields = merge(l2Fields, phase(2));
        this.l3Fields = merge(l3Fields, phase(3));
        this.serialFields = merge(serialFields, SERIAL);
        this.all = List.of(this.importFields, this.exportFields, this.powerFields, this.l1Fields, this.l2Fields,
                this.l3Fields, this.serialFields);
    }

    public List<String> importFields() {
        return importFields;
    }

    public List<String> exportFields() {
        return exportFields;
    }

    public List<String> powerFields() {
        return powerFields;
    }

    public List<String> l1Fields() {
        return l1Fields;
    }

    public List<String> l2Fields() {
        return l2Fields;
    }

    public List<String> l3Fields() {
        return l3Fields;
    }

    public List<String> serialFields() {
        return serialFields;
    }

    /**
     * The key of the meter group in {@code level}: the configured group when it holds a known field,
     * else the first object-valued child (the key may be "") that holds one; null when there is none.
     */
    public String findGroup(JsonNode level) {
        if (group != null) {
            String key = find(level, groupNames);
            return key != null && isMeterGroup(level.get(key)) ? key : null;
        }
        for (Map.Entry<String, JsonNode> child : level.properties()) {
            if (isMeterGroup(child.getValue())) {
                return child.getKey();
            }
        }
        return null;
    }

    /** True when {@code node} is an object holding at least one known meter field. */
    public boolean isMeterGroup(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            return false;
        }
        for (List<String> names : all) {
            if (find(node, names) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key of {@code object} that matches the first of {@code names}: an exact match of any name
     * first, then a case-insensitive one; null when none matches.
     */
    public String find(JsonNode object, List<String> names) {
        for (String name : names) {
            if (object.has(name)) {
                return name;
            }
        }
        for (String name : names) {
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                if (property.getKey().equalsIgnoreCase(name)) {
                    return property.getKey();
                }
            }
        }
        return null;
    }

    private static List<String> phase(int n) {
        int obis = 16 + 20 * n; // OBIS 36.7.0, 56.7.0, 76.7.0
        return List.of("Power_p" + n, "Power_L" + n, "Power_l" + n, "Leistung_L" + n, obis + "_7_0");
    }

    private static List<String> merge(List<String> configured, List<String> defaults) {
        Set<String> names = new LinkedHashSet<>();
        if (configured != null) {
            for (String name : configured) {
                if (name != null && !name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        names.addAll(defaults);
        return List.copyOf(names);
    }
}
