package cn.worksafety.common;

/** The change collides with the stored state (stale version, duplicate code). */
public class Conflict extends DomainException {

    public Conflict(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "CONFLICT";
    }
}
