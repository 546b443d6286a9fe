package dev.reservewatch.watch.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Files that are replaced whole or not at all: the content goes to a temporary file in the same folder, is forced
 * to the disk, then moved over the target in one atomic rename, and the folder is forced too. A reader (or a
 * restart after the process died mid-write) sees the old file or the new one, never a part of either. Temporary
 * files left by a process that died are named {@code .NAME.*.tmp} and removed by {@link #removeLeftovers}.
 */
public final class AtomicFiles {

    private static final String TMP = ".tmp";

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TMP);
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename atomically", e);
            }
            forceFolder(dir);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the leftover is removed at the next start
            }
            throw new UncheckedIOException("could not write " + target.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Removes temporary files a process that died mid-write left in {@code dir}. */
    public static void removeLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, ".*" + TMP)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Makes the rename itself durable (Linux); a file system that cannot open a folder for it is left as it is. */
    private static void forceFolder(Path dir) {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here (e.g. Windows): the rename is still atomic, only its durability is the OS's
        }
    }
}
