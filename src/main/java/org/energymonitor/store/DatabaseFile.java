package org.energymonitor.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The database file's identity on disk (device and inode, {@link BasicFileAttributes#fileKey()}), so the service
 * notices when the file it opened was removed or replaced, and the rebuild of a removed file from a connection that
 * still has it open. No library watches a SQLite file for this; a stat is all it takes.
 */
final class DatabaseFile {

    private DatabaseFile() {
    }

    static Object identity(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the attributes of " + file, e);
        }
    }

    static String problem(Path file, Object identity) {
        try {
            Object now = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return Objects.equals(now, identity) ? null
                    : "the database file " + file + " was replaced by another file while the service ran; restart the"
                    + " service to use it (writes are held until then)";
        } catch (NoSuchFileException e) {
            return "the database file " + file + " was removed while the service ran";
        } catch (IOException e) {
            return "the database file " + file + " cannot be read: " + e.getMessage();
        }
    }

    /**
     * {@code VACUUM INTO} a temporary file beside {@code file} from {@code open}, then an atomic rename that fails
     * rather than replace a file that appeared meanwhile. Returns the new file's identity.
     */
    static Object rebuild(Connection open, Path file) throws SQLException {
        Path temp = file.resolveSibling(file.getFileName() + ".rebuild");
        try {
            Files.deleteIfExists(temp);
            new DatabaseCopy().vacuumInto(open, temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return identity(file);
        } catch (IOException e) {
            throw new SQLException("Cannot rebuild the removed database file " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // the next attempt deletes it first
            }
        }
    }
}
