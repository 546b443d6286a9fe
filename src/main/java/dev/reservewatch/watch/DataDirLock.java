package dev.reservewatch.watch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on the data folder ({@code watch.lock}), held for as long as the process watches: two watchers
 * that share a volume cannot both fetch and send, whatever their number of replicas. The operating system frees
 * the lock when the process dies, so a crashed watcher never blocks the next one.
 */
final class DataDirLock implements AutoCloseable {

    static final String FILE = "watch.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process (or another watcher in this one) holds it. */
    static Optional<DataDirLock> tryAcquire(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new DataDirLock(channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // held by another watcher in this JVM
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
