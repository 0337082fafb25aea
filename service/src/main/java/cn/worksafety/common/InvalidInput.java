package cn.worksafety.common;

/** The input breaks a rule; the message says which. */
public class InvalidInput extends DomainException {

    public InvalidInput(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "BAD_USER_INPUT";
    }
}
