package cn.worksafety.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live schema contains every type, field, argument and enum value of the consumer
 * contract (src/test/resources/contract.graphql, a copy of the shared one) with a compatible
 * type: outputs may be stricter (non-null), arguments and input fields may be looser (optional).
 */
@QuarkusTest
class ContractTest {

    @Test
    void liveSchemaContainsTheContract() throws IOException {
        TypeDefinitionRegistry contract = parse(read());
        TypeDefinitionRegistry live = parse(given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString());
        List<String> problems = new ArrayList<>();

        for (TypeDefinition<?> expected : contract.types().values()) {
            String name = expected.getName();
            TypeDefinition<?> actual = live.getType(name).orElse(null);
            if (actual == null) {
                problems.add("missing type " + name);
            } else if (actual.getClass() != expected.getClass()) {
                problems.add(name + " is a " + actual.getClass().getSimpleName() + ", contract says " + expected.getClass().getSimpleName());
            } else if (expected instanceof ObjectTypeDefinition object) {
                compareFields(name, object.getFieldDefinitions(), ((ObjectTypeDefinition) actual).getFieldDefinitions(), problems);
            } else if (expected instanceof InputObjectTypeDefinition input) {
                compareInputs(name, input.getInputValueDefinitions(), ((InputObjectTypeDefinition) actual).getInputValueDefinitions(), problems);
            } else if (expected instanceof EnumTypeDefinition enumeration) {
                Set<String> values = ((EnumTypeDefinition) actual).getEnumValueDefinitions().stream()
                        .map(EnumValueDefinition::getName).collect(Collectors.toSet());
                enumeration.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName)
                        .filter(v -> !values.contains(v)).forEach(v -> problems.add("enum " + name + " lacks " + v));
            }
        }
        for (String scalar : contract.scalars().keySet()) {
            if (!live.scalars().containsKey(scalar)) {
                problems.add("missing scalar " + scalar);
            }
        }
        assertEquals(List.of(), problems, "The live schema breaks the consumer contract");
    }

    private static void compareFields(String type, List<FieldDefinition> expected, List<FieldDefinition> actual, List<String> problems) {
        Map<String, FieldDefinition> byName = actual.stream().collect(Collectors.toMap(FieldDefinition::getName, Function.identity()));
        for (FieldDefinition field : expected) {
            String path = type + "." + field.getName();
            FieldDefinition live = byName.get(field.getName());
            if (live == null) {
                problems.add("missing field " + path);
                continue;
            }
            if (!outputCompatible(field.getType(), live.getType())) {
                problems.add(path + " is " + show(live.getType()) + ", contract says " + show(field.getType()));
            }
            compareInputs(path, field.getInputValueDefinitions(), live.getInputValueDefinitions(), problems);
        }
    }

    private static void compareInputs(String owner, List<InputValueDefinition> expected, List<InputValueDefinition> actual, List<String> problems) {
        Map<String, InputValueDefinition> byName = actual.stream()
                .collect(Collectors.toMap(InputValueDefinition::getName, Function.identity()));
        for (InputValueDefinition argument : expected) {
            InputValueDefinition live = byName.get(argument.getName());
            if (live == null) {
                problems.add("missing argument or input field " + owner + "." + argument.getName());
            } else if (!inputCompatible(argument.getType(), live.getType())) {
                problems.add(owner + "." + argument.getName() + " is " + show(live.getType()) + ", contract says " + show(argument.getType()));
            }
        }
        // A new required argument would break existing clients.
        Set<String> known = expected.stream().map(InputValueDefinition::getName).collect(Collectors.toSet());
        actual.stream().filter(a -> !known.contains(a.getName()) && a.getType() instanceof NonNullType && a.getDefaultValue() == null)
                .forEach(a -> problems.add(owner + "." + a.getName() + " is a new required input"));
    }

    /** An output may be non-null where the contract allows null, never the reverse. */
    static boolean outputCompatible(Type<?> contract, Type<?> live) {
        if (contract instanceof NonNullType c) {
            return live instanceof NonNullType l && outputCompatible(c.getType(), l.getType());
        }
        if (live instanceof NonNullType l) {
            return outputCompatible(contract, l.getType());
        }
        return sameShape(contract, live, ContractTest::outputCompatible);
    }

    /** An input may be optional where the contract requires it, never the reverse. */
    static boolean inputCompatible(Type<?> contract, Type<?> live) {
        if (live instanceof NonNullType l) {
            return contract instanceof NonNullType c && inputCompatible(c.getType(), l.getType());
        }
        if (contract instanceof NonNullType c) {
            return inputCompatible(c.getType(), live);
        }
        return sameShape(contract, live, ContractTest::inputCompatible);
    }

    private static boolean sameShape(Type<?> contract, Type<?> live, java.util.function.BiPredicate<Type<?>, Type<?>> inner) {
        if (contract instanceof ListType c) {
            return live instanceof ListType l && inner.test(c.getType(), l.getType());
        }
        return contract instanceof TypeName c && live instanceof TypeName l && c.getName().equals(l.getName());
    }

    private static String show(Type<?> type) {
        if (type instanceof NonNullType n) {
            return show(n.getType()) + "!";
        }
        if (type instanceof ListType l) {
            return "[" + show(l.getType()) + "]";
        }
        return ((TypeName) type).getName();
    }

    private static TypeDefinitionRegistry parse(String sdl) {
        return new SchemaParser().parse(sdl);
    }

    private static String read() throws IOException {
        try (InputStream in = ContractTest.class.getResourceAsStream("/contract.graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
