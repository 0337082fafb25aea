package cn.worksafety.responsibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.worksafety.organisation.Unit;

/**
 * An item as it will be stored, built from a GraphQL input or an imported row, with units
 * already resolved. {@link #problems()} lists everything wrong with it in words a user can act
 * on, so an import can report every row at once instead of stopping at the first mistake.
 */
record ItemDraft(String number, String title, String content, String unitsText, String deadlineText, DeadlineKind kind,
        LocalDate dueOn, List<UnitRole> assignments) {

    static final int NUMBER_MAX = 30;
    static final int TITLE_MAX = 500;
    static final int CONTENT_MAX = 20_000;
    static final int UNITS_TEXT_MAX = 2000;
    static final int DEADLINE_TEXT_MAX = 200;

    record UnitRole(Unit unit, AssignmentRole role) {
    }

    List<String> problems() {
        return problems(java.util.function.UnaryOperator.identity(), true);
    }

    /**
     * Everything wrong with the item; {@code fieldName} names the fields as the user knows them
     * (an import names its columns), {@code checkDeadline} is false when the caller reported the
     * deadline already.
     */
    List<String> problems(java.util.function.UnaryOperator<String> fieldName, boolean checkDeadline) {
        List<String> problems = new ArrayList<>();
        required(problems, number, fieldName.apply("number"), NUMBER_MAX);
        required(problems, title, fieldName.apply("title"), TITLE_MAX);
        required(problems, content, fieldName.apply("content"), CONTENT_MAX);
        optional(problems, unitsText, fieldName.apply("unitsText"), UNITS_TEXT_MAX);
        optional(problems, deadlineText, fieldName.apply("deadlineText"), DEADLINE_TEXT_MAX);
        if (checkDeadline) {
            problems.addAll(deadlineProblems(kind, dueOn));
        }
        problems.addAll(assignmentProblems(assignments));
        return problems;
    }

    static List<String> deadlineProblems(DeadlineKind kind, LocalDate dueOn) {
        List<String> problems = new ArrayList<>();
        if (kind == null) {
            problems.add("the deadline needs a kind (DATE, LONG_TERM or DATE_THEN_ONGOING).");
        } else if (kind == DeadlineKind.LONG_TERM && dueOn != null) {
            problems.add("a LONG_TERM deadline has no date; leave 'dueOn' out.");
        } else if (kind != DeadlineKind.LONG_TERM && dueOn == null) {
            problems.add("a " + kind + " deadline needs 'dueOn'.");
        } else if (dueOn != null && (dueOn.getYear() < 2000 || dueOn.getYear() > 2100)) {
            problems.add("'dueOn' must lie between 2000 and 2100, was " + dueOn + ".");
        }
        return problems;
    }

    static List<String> assignmentProblems(List<UnitRole> assignments) {
        List<String> problems = new ArrayList<>();
        if (assignments == null || assignments.isEmpty()) {
            problems.add("assign at least one unit, one of them as LEAD.");
            return problems;
        }
        Set<Long> seen = new HashSet<>();
        for (UnitRole assignment : assignments) {
            if (assignment.role() == null) {
                problems.add("every assigned unit needs a role.");
            }
            if (!seen.add(assignment.unit().id)) {
                problems.add("unit " + assignment.unit().code + " is assigned more than once; give it one role.");
            }
        }
        if (assignments.stream().noneMatch(a -> a.role() == AssignmentRole.LEAD)) {
            problems.add("at least one unit must be the LEAD (牵头) unit.");
        }
        return problems;
    }

    private static void required(List<String> problems, String value, String field, int max) {
        if (value == null || value.isBlank()) {
            problems.add("'" + field + "' must not be empty.");
        } else {
            optional(problems, value, field, max);
        }
    }

    private static void optional(List<String> problems, String value, String field, int max) {
        if (value != null && value.length() > max) {
            problems.add("'" + field + "' is longer than " + max + " characters.");
        }
    }

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
