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

import graphql.language.DirectivesContainer;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The deprecation policy of docs/exchange.md: nothing of the last published schema
 * ({@code published-schema.graphql}, the live schema copied at release) disappears or changes
 * type unless it was already deprecated there. Outputs may become non-null and inputs optional
 * (the rules of {@link ContractTest}); everything may be added.
 */
@QuarkusTest
class PublishedSchemaTest {

    @Test
    void nothingPublishedDisappearsOrChangesTypeWithoutBeingDeprecatedFirst() throws IOException {
        TypeDefinitionRegistry published;
        try (InputStream in = getClass().getResourceAsStream("/published-schema.graphql")) {
            published = new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String liveText = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        // The live schema, for the release step that copies it over published-schema.graphql.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "live-schema.graphql"), liveText);
        TypeDefinitionRegistry live = new SchemaParser().parse(liveText);
        List<String> problems = new ArrayList<>();
        for (TypeDefinition<?> was : published.types().values()) {
            TypeDefinition<?> now = live.getType(was.getName()).orElse(null);
            if (now == null) {
                problems.add("type " + was.getName() + " was removed");
            } else if (now.getClass() != was.getClass()) {
                problems.add(was.getName() + " is now a " + now.getClass().getSimpleName());
            } else if (was instanceof ObjectTypeDefinition object) {
                fields(was.getName(), object.getFieldDefinitions(), ((ObjectTypeDefinition) now).getFieldDefinitions(), problems);
            } else if (was instanceof InterfaceTypeDefinition iface) {
                fields(was.getName(), iface.getFieldDefinitions(), ((InterfaceTypeDefinition) now).getFieldDefinitions(), problems);
            } else if (was instanceof InputObjectTypeDefinition input) {
                inputs(was.getName(), input.getInputValueDefinitions(), ((InputObjectTypeDefinition) now).getInputValueDefinitions(),
                        problems);
            } else if (was instanceof EnumTypeDefinition enumeration) {
                Set<String> values = ((EnumTypeDefinition) now).getEnumValueDefinitions().stream().map(EnumValueDefinition::getName)
                        .collect(Collectors.toSet());
                enumeration.getEnumValueDefinitions().stream().filter(v -> !deprecated(v) && !values.contains(v.getName()))
                        .forEach(v -> problems.add("enum value " + was.getName() + "." + v.getName() + " was removed"));
            } else if (was instanceof UnionTypeDefinition union) {
                Set<String> members = ((UnionTypeDefinition) now).getMemberTypes().stream().map(t -> ((graphql.language.TypeName) t).getName())
                        .collect(Collectors.toSet());
                union.getMemberTypes().stream().map(t -> ((graphql.language.TypeName) t).getName()).filter(m -> !members.contains(m))
                        .forEach(m -> problems.add("union " + was.getName() + " lost " + m));
            }
        }
        assertEquals(List.of(), problems, "The live schema breaks the published one without a deprecation first "
                + "(docs/exchange.md: deprecation policy)");
    }

    private static void fields(String type, List<FieldDefinition> was, List<FieldDefinition> now, List<String> problems) {
        Map<String, FieldDefinition> byName = now.stream().collect(Collectors.toMap(FieldDefinition::getName, Function.identity()));
        for (FieldDefinition field : was) {
            if (deprecated(field)) {
                continue;
            }
            FieldDefinition live = byName.get(field.getName());
            String path = type + "." + field.getName();
            if (live == null) {
                problems.add("field " + path + " was removed");
            } else {
                if (!ContractTest.outputCompatible(field.getType(), live.getType())) {
                    problems.add("field " + path + " changed type");
                }
                inputs(path, field.getInputValueDefinitions(), live.getInputValueDefinitions(), problems);
            }
        }
    }

    private static void inputs(String owner, List<InputValueDefinition> was, List<InputValueDefinition> now, List<String> problems) {
        Map<String, InputValueDefinition> byName = now.stream()
                .collect(Collectors.toMap(InputValueDefinition::getName, Function.identity()));
        for (InputValueDefinition input : was) {
            if (deprecated(input)) {
                continue;
            }
            InputValueDefinition live = byName.get(input.getName());
            if (live == null) {
                problems.add(owner + "." + input.getName() + " was removed");
            } else if (!ContractTest.inputCompatible(input.getType(), live.getType())) {
                problems.add(owner + "." + input.getName() + " changed type");
            }
        }
    }

    /**
     * Deprecated in the snapshot: a {@code @deprecated} directive, or (the schema printer leaves the
     * directive off arguments) a description starting "Deprecated:", as the service writes them.
     */
    private static boolean deprecated(DirectivesContainer<?> element) {
        String description = element instanceof graphql.language.AbstractDescribedNode<?> described && described.getDescription() != null
                ? described.getDescription().getContent() : "";
        return description.startsWith("Deprecated:") || element.getDirectives().stream().anyMatch(d -> "deprecated".equals(d.getName()));
    }
}
