package cn.worksafety.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;


/** The lock on the local data directory; two processes contending for it are LocalModeRestartIT's. */
class DataDirectoryLockTest {

    @Test
    void aHeldDirectoryIsRefusedWithOneLineNamingTheHolderAndFreedOnRelease() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "lock-test").toAbsolutePath()).resolve("home-" + System.nanoTime());
        Files.createDirectories(home);
        DataDirectoryLock held = DataDirectoryLock.acquire(home);
        assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(home.resolve(DataDirectoryLock.FILE)));

        CannotStart refused = assertThrows(CannotStart.class, () -> DataDirectoryLock.acquire(home));
        assertEquals("Local data directory " + home + " is in use by another running service (process "
                + ProcessHandle.current().pid() + "): stop that service first, or start this one with LOCAL_DATA_DIR set to "
                + "another directory.", refused.getMessage());

        held.release();
        DataDirectoryLock.acquire(home).release();
    }
}
