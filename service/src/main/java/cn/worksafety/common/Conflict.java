package cn.worksafety.common;

/** The change collides with the stored state (stale version, duplicate code). */
public class Conflict extends DomainException {

    public Conflict(String message) {
        super(message);
    }

    /**
     * The version check of every update that takes the version a client read: CONFLICT naming
     * {@code what} unless the stored version is still the one sent.
     */
    public static void requireVersion(String what, int stored, int sent) {
        if (stored != sent) {
            throw new Conflict("The " + what + " was changed by someone else (version " + stored + ", you sent " + sent
                    + "); reload it and try again.");
        }
    }

    @Override
    public String code() {
        return "CONFLICT";
    }
}
