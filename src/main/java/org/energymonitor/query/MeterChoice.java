package org.energymonitor.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import org.energymonitor.store.MeterState;
import org.energymonitor.store.MetersTable;

/**
 * The {@code meter} parameter: a known meter's name, or absent for the only (or first, by name) meter.
 */
public final class MeterChoice {

    private final MetersTable meters;

    public MeterChoice(MetersTable meters) {
        this.meters = meters;
    }

    /** The meter to answer for; null when the database has no meter yet. */
    public String resolve(Connection c, String requested) throws SQLException {
        if (requested == null) {
            return meters.first(c);
        }
        if (meters.exists(c, requested)) {
            return requested;
        }
        List<MeterState> known = meters.all(c);
        String names = known.stream().map(MeterState::meter).collect(Collectors.joining(", "));
        throw new BadParameterException("meter", "no meter named " + BadParameterException.quote(requested)
                + (names.isEmpty() ? "; no meter has sent readings yet" : "; known meters: " + names));
    }
}
