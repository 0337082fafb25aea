package cn.worksafety.read;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.NullValue;
import graphql.language.OperationDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;

/**
 * The request's variables, checked against the operation's declarations the way the GraphQL
 * engine coerces them. A value the engine would reject (a string for an Int, a missing non-null
 * variable, an unknown enum value) leaves the whole request to the engine, which answers with
 * its own error. Defaults of the declarations are filled in.
 */
final class Variables {

    private Variables() {
    }

    static Map<String, Object> coerce(GraphQLSchema schema, OperationDefinition operation, Map<String, Object> given) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Object> supplied = given == null ? Map.of() : given;
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            String name = definition.getName();
            if (!supplied.containsKey(name)) {
                if (definition.getDefaultValue() != null) {
                    values.put(name, literal(definition.getDefaultValue()));
                } else if (definition.getType() instanceof NonNullType) {
                    throw new NotCompilable("missing variable");
                }
                continue;
            }
            Object value = supplied.get(name);
            check(schema, definition.getType(), value);
            values.put(name, value);
        }
        return values;
    }

    private static void check(GraphQLSchema schema, Type<?> type, Object value) {
        if (type instanceof NonNullType nonNull) {
            if (value == null) {
                throw new NotCompilable("null for a non-null variable");
            }
            check(schema, nonNull.getType(), value);
        } else if (value == null) {
            return;
        } else if (type instanceof ListType list) {
            // A single value stands for a list of one, as the engine coerces it.
            for (Object item : value instanceof List<?> items ? items : List.of(value)) {
                check(schema, list.getType(), item);
            }
        } else {
            checkNamed(schema, ((TypeName) type).getName(), value);
        }
    }

    private static void checkNamed(GraphQLSchema schema, String type, Object value) {
        boolean ok = switch (type) {
            case "Int" -> value instanceof Number n && isWhole(n) && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE;
            case "Float" -> value instanceof Number;
            case "String" -> value instanceof String;
            case "Boolean" -> value instanceof Boolean;
            case "ID" -> value instanceof String || (value instanceof Number n && isWhole(n));
            case "Date" -> value instanceof String s && parses(() -> LocalDate.parse(s));
            case "DateTime" -> value instanceof String s && parses(() -> OffsetDateTime.parse(s));
            default -> {
                GraphQLType named = schema.getType(type);
                yield named instanceof GraphQLEnumType e && value instanceof String s && e.getValue(s) != null;
            }
        };
        if (!ok) {
            throw new NotCompilable("variable of type " + type);
        }
    }

    private static boolean isWhole(Number n) {
        return n.doubleValue() == Math.rint(n.doubleValue());
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** A default value as written in the document. */
    private static Object literal(Value<?> value) {
        if (value instanceof NullValue) {
            return null;
        }
        if (value instanceof IntValue i) {
            return i.getValue();
        }
        if (value instanceof FloatValue f) {
            return f.getValue();
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
        if (value instanceof ArrayValue array) {
            return array.getValues().stream().map(Variables::literal).toList();
        }
        throw new NotCompilable("default value " + value.getClass().getSimpleName());
    }
}
