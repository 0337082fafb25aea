package cn.worksafety.common;

/** Checks on text input shared by every feature. */
public final class Text {

    private Text() {
    }

    /** Trimmed, non-blank, at most {@code max} characters, else BAD_USER_INPUT naming the field. */
    public static String required(String value, String field, int max) {
        String trimmed = optional(value, field, max);
        if (trimmed == null) {
            throw new InvalidInput("'" + field + "' must not be empty.");
        }
        return trimmed;
    }

    /** Trimmed, null when blank, at most {@code max} characters. */
    public static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new InvalidInput("'" + field + "' is longer than " + max + " characters.");
        }
        return trimmed;
    }
}
