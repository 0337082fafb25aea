package cn.worksafety.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Every record that reaches the root logger of the service under test (@QuarkusTest: same JVM),
 * as a handler would write it, causes included; at the service's own log levels.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final StringBuilder text = new StringBuilder();

    private LogCapture() {
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        java.util.logging.Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public synchronized String text() {
        return text.toString();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        text.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage()).append('\n');
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append(trace).append('\n');
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        java.util.logging.Logger.getLogger("").removeHandler(this);
    }
}
