package cn.worksafety.read;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;

/**
 * One field of a selection set under its response key, with every occurrence of that key merged
 * as GraphQL merges them ({@code { id id }}, or a field in a fragment and beside it). The
 * document is validated, so merged occurrences have the same name and arguments.
 */
final class Selected {

    final String key;
    final String name;
    private final List<Field> occurrences = new ArrayList<>();
    private final Request request;

    private Selected(String key, String name, Request request) {
        this.key = key;
        this.name = name;
        this.request = request;
    }

    /** What a selection set needs from the request around it: fragments and variable values. */
    record Request(Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
    }

    /** The fields of a selection set on {@code typeName}, by response key in document order. */
    static List<Selected> of(SelectionSet set, String typeName, Request request) {
        Map<String, Selected> byKey = new LinkedHashMap<>();
        collect(set, typeName, request, byKey);
        return List.copyOf(byKey.values());
    }

    private static void collect(SelectionSet set, String typeName, Request request, Map<String, Selected> byKey) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                requireNoDirectives(field.getDirectives().isEmpty());
                String key = field.getAlias() != null ? field.getAlias() : field.getName();
                byKey.computeIfAbsent(key, k -> new Selected(k, field.getName(), request)).occurrences.add(field);
            } else if (selection instanceof InlineFragment fragment) {
                requireNoDirectives(fragment.getDirectives().isEmpty());
                requireType(fragment.getTypeCondition() == null || fragment.getTypeCondition().getName().equals(typeName));
                collect(fragment.getSelectionSet(), typeName, request, byKey);
            } else if (selection instanceof FragmentSpread spread) {
                requireNoDirectives(spread.getDirectives().isEmpty());
                FragmentDefinition definition = request.fragments().get(spread.getName());
                requireType(definition != null && definition.getTypeCondition().getName().equals(typeName));
                collect(definition.getSelectionSet(), typeName, request, byKey);
            }
        }
    }

    private static void requireNoDirectives(boolean none) {
        if (!none) {
            throw new NotCompilable("directives");
        }
    }

    private static void requireType(boolean matches) {
        if (!matches) {
            throw new NotCompilable("fragment on another type");
        }
    }

    /** The sub-selection on the field's type {@code typeName}. */
    List<Selected> children(String typeName) {
        Map<String, Selected> byKey = new LinkedHashMap<>();
        for (Field field : occurrences) {
            collect(field.getSelectionSet(), typeName, request, byKey);
        }
        return List.copyOf(byKey.values());
    }

    /** The arguments as written, for telling uses of a field with different arguments apart. */
    Map<String, Object> argumentValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Argument argument : occurrences.get(0).getArguments()) {
            values.put(argument.getName(), raw(argument.getName()));
        }
        return values;
    }

    // ---------- arguments, coerced as the GraphQL engine would; anything else it should judge ----------

    private Object raw(String argument) {
        for (Argument a : occurrences.get(0).getArguments()) {
            if (a.getName().equals(argument)) {
                return literal(a.getValue());
            }
        }
        return null;
    }

    private Object literal(Value<?> value) {
        if (value instanceof VariableReference variable) {
            return request.variables().get(variable.getName());
        }
        if (value == null || value instanceof NullValue) {
            return null;
        }
        if (value instanceof IntValue i) {
            return i.getValue();
        }
        if (value instanceof StringValue s) {
            return s.getValue();
        }
        if (value instanceof BooleanValue b) {
            return b.isValue();
        }
        if (value instanceof EnumValue e) {
            return e.getName();
        }
        throw new NotCompilable("argument value " + value.getClass().getSimpleName());
    }

    Integer integer(String argument) {
        Object value = raw(argument);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.doubleValue() >= Integer.MIN_VALUE && n.doubleValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new NotCompilable("Int argument");
    }

    String string(String argument) {
        Object value = raw(argument);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new NotCompilable("String argument");
    }

    /** An ID argument: GraphQL accepts a string or an integer. */
    String id(String argument) {
        Object value = raw(argument);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return String.valueOf(n.longValue());
        }
        throw new NotCompilable("ID argument");
    }

    /** An ID naming a record: a number, else left to the engine's own message. */
    Long idNumber(String argument) {
        String id = id(argument);
        if (id == null) {
            return null;
        }
        try {
            return Long.valueOf(id.trim());
        } catch (NumberFormatException e) {
            throw new NotCompilable("malformed id");
        }
    }

    <E extends Enum<E>> E enumeration(String argument, Class<E> type) {
        Object value = raw(argument);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, (String) value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new NotCompilable("enum argument");
        }
    }

    Boolean bool(String argument) {
        Object value = raw(argument);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new NotCompilable("Boolean argument");
    }

    LocalDate date(String argument) {
        String value = string(argument);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new NotCompilable("Date argument");
        }
    }

    OffsetDateTime dateTime(String argument) {
        String value = string(argument);
        try {
            return value == null ? null : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new NotCompilable("DateTime argument");
        }
    }
}
