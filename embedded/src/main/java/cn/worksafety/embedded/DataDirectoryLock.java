package cn.worksafety.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on {@code service.lock} in the local data directory, held for the
 * life of the service, so that two services never share one embedded database. The operating
 * system releases it when the process ends in any way, {@code kill -9} included, so a crashed
 * service never locks its successor out. The file holds the holder's process id, for the message
 * that names it.
 */
public final class DataDirectoryLock {

    static final String FILE = "service.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code home}, or refuses with a line naming the process that holds it. */
    public static DataDirectoryLock acquire(Path home) {
        Path file = home.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new CannotStart("Local data directory " + home + " is in use by another running service"
                        + (holder.isEmpty() ? "" : " (process " + holder + ")")
                        + ": stop that service first, or start this one with LOCAL_DATA_DIR set to another directory.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock the local data directory " + home, e);
        }
    }

    /** Releases the lock (the end of the process does the same). */
    public void release() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // The channel closes below, which releases it too.
        }
        closeQuietly(channel);
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing to do: the process keeps or loses the descriptor either way.
            }
        }
    }
}
