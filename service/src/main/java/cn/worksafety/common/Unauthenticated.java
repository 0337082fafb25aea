package cn.worksafety.common;

/** No valid bearer token came with the request. */
public class Unauthenticated extends DomainException {

    public Unauthenticated(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UNAUTHENTICATED";
    }
}
