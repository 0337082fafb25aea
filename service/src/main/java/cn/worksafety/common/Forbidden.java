package cn.worksafety.common;

/** The caller is known but may not do this. */
public class Forbidden extends DomainException {

    public Forbidden(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "FORBIDDEN";
    }
}
