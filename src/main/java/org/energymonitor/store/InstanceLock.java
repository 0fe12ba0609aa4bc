package org.energymonitor.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An OS file lock on {@code <database>.lock}, held by the running service: a second service on the same database
 * refuses to start, and {@code restore} refuses while the service runs. The operating system releases it when the
 * process ends, also after a crash.
 */
public final class InstanceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock for {@code database}, or empty when another process (or this one) holds it. */
    public static Optional<InstanceLock> tryAcquire(Path database) throws IOException {
        Path file = database.toAbsolutePath().resolveSibling(database.getFileName() + ".lock");
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new InstanceLock(channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            lock.release();
            channel.close();
        }
    }
}
