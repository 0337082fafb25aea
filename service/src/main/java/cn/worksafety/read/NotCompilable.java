package cn.worksafety.read;

/**
 * A request the compiled read path leaves to the GraphQL engine: a field it has no SQL for, an
 * argument it would have to reject, a record asked for by id that is not there. The engine then
 * answers, with the same result or error it always gives. Carries no stack trace: it is control
 * flow, not a failure.
 */
final class NotCompilable extends RuntimeException {

    NotCompilable(String reason) {
        super(reason, null, false, false);
    }
}
