package cn.worksafety.common;

/**
 * A failure the client can act on. Each subclass carries one of the error codes of
 * RULES.md; {@link ErrorBody} gives it to the client (in {@code extensions.code} on GraphQL).
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    public abstract String code();
}
