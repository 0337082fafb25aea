package cn.worksafety.common;

/** The record asked for does not exist or is outside the caller's scope. */
public class NotFound extends DomainException {

    public NotFound(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "NOT_FOUND";
    }
}
