package org.energymonitor.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SQL statement with its bound parameters, handed from a bean to the camel-jdbc step of a route
 * (body = {@link #sql()}, header {@code CamelJdbcParameters} = {@link #parameters()}, in placeholder order).
 */
public record SqlCall(String sql, Map<String, Object> parameters) {

    public static SqlCall of(String sql, List<?> values) {
        Map<String, Object> params = new LinkedHashMap<>(values.size() * 2);
        int i = 1;
        for (Object v : values) {
            params.put(Integer.toString(i++), v);
        }
        return new SqlCall(sql, params);
    }

    public static SqlCall of(String sql, Object... values) {
        return of(sql, java.util.Arrays.asList(values));
    }
}
