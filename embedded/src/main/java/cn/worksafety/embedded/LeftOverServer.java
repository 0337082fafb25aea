package cn.worksafety.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * Clears what a killed service left in its embedded PostgreSQL's data directory before a new
 * start. The embedded server runs as its own process tree (pg_ctl detaches it), so when the JVM
 * dies by {@code kill -9} or {@code -XX:+ExitOnOutOfMemoryError} the server keeps running, holding
 * {@code postmaster.pid}, and PostgreSQL refuses to start a second server on the directory.
 *
 * <p>Called only while holding the {@link DataDirectoryLock}, so a server found here belongs to no
 * live service: it is stopped cleanly with {@code pg_ctl stop -m fast} of its own binaries (a
 * fast shutdown writes a checkpoint; nothing committed is lost). A pid file whose process is gone,
 * or is now some other program, is removed so that its stale content never blocks the start.
 */
final class LeftOverServer {

    private static final Logger LOG = Logger.getLogger(LeftOverServer.class);

    /** How long a left-over server may take to shut down (it may be finishing crash recovery). */
    static final int STOP_TIMEOUT_SECONDS = 120;

    enum Found {
        NOTHING, STALE_PID_FILE, RUNNING_SERVER_STOPPED
    }

    private LeftOverServer() {
    }

    /** Makes {@code pgData} startable; {@code log} receives pg_ctl's output. */
    static Found clear(Path pgData, Path log) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Found.NOTHING;
        }
        Optional<ProcessHandle> process = postmaster(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            LOG.infof("Removing the stale %s of the embedded PostgreSQL: its process is gone", pidFile);
            delete(pidFile);
            return Found.STALE_PID_FILE;
        }
        ProcessHandle postmaster = process.get();
        Optional<Path> binary = postmaster.info().command().map(Path::of);
        if (binary.isEmpty()) {
            // Not ours to inspect (another user's process): never signal what we cannot identify.
            throw new CannotStart("The embedded PostgreSQL of " + pgData + " is still running as process "
                    + postmaster.pid() + ", which this service cannot stop: stop it (kill " + postmaster.pid()
                    + ") and start again.");
        }
        if (!binary.get().getFileName().toString().startsWith("postgres")) {
            LOG.infof("Removing the stale %s of the embedded PostgreSQL: process %d is now %s", pidFile, postmaster.pid(),
                    binary.get());
            delete(pidFile);
            return Found.STALE_PID_FILE;
        }
        LOG.infof("The embedded PostgreSQL of a previous service is still running (process %d, left by a crash "
                + "or kill): stopping it cleanly before starting", postmaster.pid());
        stop(postmaster, binary.get().resolveSibling("pg_ctl"), pgData, log);
        return Found.RUNNING_SERVER_STOPPED;
    }

    private static void stop(ProcessHandle postmaster, Path pgCtl, Path pgData, Path log) {
        try {
            if (Files.isExecutable(pgCtl)) {
                List<String> command = new ArrayList<>();
                if (LinuxUtils.isUnshareAvailable()) {
                    // Run as root, zonky starts PostgreSQL (which refuses root) under `unshare -U`; so must pg_ctl.
                    command.addAll(List.of("unshare", "-U"));
                }
                command.addAll(List.of(pgCtl.toString(), "-D", pgData.toString(), "stop",
                        "-m", "fast", "-w", "-t", Integer.toString(STOP_TIMEOUT_SECONDS)));
                Process stop = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
                stop.waitFor(STOP_TIMEOUT_SECONDS + 10, TimeUnit.SECONDS);
                postmaster.onExit().get(15, TimeUnit.SECONDS); // pg_ctl -w returns once the pid file is gone
            } else {
                // Its binaries were removed: SIGTERM is PostgreSQL's smart shutdown, and no client is left.
                postmaster.destroy();
                postmaster.onExit().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotStart("Interrupted while stopping the embedded PostgreSQL left running (process "
                    + postmaster.pid() + ")", e);
        } catch (Exception e) {
            throw new CannotStart("The embedded PostgreSQL left running by a previous service (process " + postmaster.pid()
                    + ") did not stop within " + STOP_TIMEOUT_SECONDS + " s: stop it (kill " + postmaster.pid()
                    + ") and start again; its log is " + log, e);
        }
    }

    /** The postmaster's process id: the first line of the pid file, if the file is complete enough to say. */
    private static Optional<Long> postmaster(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // a file cut short by the crash: no process to stop
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the stale " + file, e);
        }
    }
}
