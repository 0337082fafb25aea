package cn.worksafety.embedded;

/**
 * A start-up that cannot go on for a reason the person starting the service can fix (local
 * mode's data directory held by another service, say). Its message is one line saying what is
 * wrong and what to do; local mode's launcher ({@code cn.worksafety.local.LocalMain}) prints it
 * and exits with status 1, without a stack trace.
 */
public class CannotStart extends RuntimeException {

    public CannotStart(String message) {
        super(message);
    }

    public CannotStart(String message, Throwable cause) {
        super(message, cause);
    }
}
