package cn.worksafety.common;

/**
 * A failure the client can act on. Each subclass carries one of the error codes of
 * RULES.md; {@link GraphQLErrorCodes} puts it in {@code extensions.code}.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    public abstract String code();
}
