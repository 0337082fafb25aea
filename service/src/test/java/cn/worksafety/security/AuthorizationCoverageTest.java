package cn.worksafety.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every root operation states who may call it, and the read-only roles can call no mutation. A new
 * {@code @Query} or {@code @Mutation} without {@code @Allowed} would be open to any caller the
 * token check lets through; this fails the build instead.
 */
class AuthorizationCoverageTest {

    private static final List<Method> operations = new ArrayList<>();

    @BeforeAll
    static void findOperations() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<String> names;
        try (Stream<Path> files = Files.walk(classes.resolve("cn"))) {
            names = files.map(classes::relativize).map(Path::toString).filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).toList();
        }
        for (String name : names) {
            Class<?> type = Class.forName(name, false, AuthorizationCoverageTest.class.getClassLoader());
            if (type.isAnnotationPresent(GraphQLApi.class)) {
                Arrays.stream(type.getDeclaredMethods())
                        .filter(m -> m.isAnnotationPresent(Query.class) || m.isAnnotationPresent(Mutation.class))
                        .forEach(operations::add);
            }
        }
    }

    @Test
    void everyRootOperationDeclaresItsRoles() {
        assertTrue(operations.size() > 40, "found only " + operations.size() + " operations");
        List<String> open = operations.stream().filter(m -> allowed(m) == null).map(AuthorizationCoverageTest::name).sorted().toList();
        assertEquals(List.of(), open, "operations without @Allowed");
    }

    @Test
    void viewersAndDataExchangeAccountsChangeNothing() {
        List<String> writable = operations.stream().filter(m -> m.isAnnotationPresent(Mutation.class))
                .filter(m -> allowed(m) != null && Arrays.stream(allowed(m).value()).anyMatch(r -> r == Role.VIEWER || r == Role.EXCHANGE))
                .map(AuthorizationCoverageTest::name).sorted().toList();
        assertEquals(List.of(), writable, "mutations open to viewer or exchange");
    }

    private static Allowed allowed(Method method) {
        Allowed onMethod = method.getAnnotation(Allowed.class);
        return onMethod != null ? onMethod : method.getDeclaringClass().getAnnotation(Allowed.class);
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
