package org.energymonitor.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of consistent copies: {@code VACUUM INTO} writes a snapshot of the live database (one read transaction, so
 * writers go on in the WAL meanwhile, and the copy holds exactly the transactions committed before it began), and
 * {@code PRAGMA integrity_check} verifies a copy. Never a file copy of the WAL database.
 */
public final class DatabaseCopy {

    /** Writes a compacted snapshot of the database behind {@code live} to {@code target} (which must not exist). */
    public void vacuumInto(Connection live, Path target) throws SQLException {
        try (PreparedStatement ps = live.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, target.toAbsolutePath().toString());
            ps.execute();
        }
    }

    /** The problems {@code PRAGMA integrity_check} finds in the file (empty = the file is sound). */
    public List<String> integrityProblems(Path file) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
             PreparedStatement ps = c.prepareStatement("PRAGMA integrity_check");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
        }
        return problems;
    }
}
