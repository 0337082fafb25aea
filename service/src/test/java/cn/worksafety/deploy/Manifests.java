package cn.worksafety.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;

import cn.worksafety.support.Checkout;

/**
 * Reads the Kubernetes manifests under k8s/ into the fabric8 model, strictly: a field the
 * model of that kind and API version does not have fails, where the API server would drop or
 * reject it. The one custom resource (CloudNativePG's Cluster) has no model here; its spec's
 * top-level fields are checked against the documented ones.
 */
final class Manifests {

    static final Path ROOT = Checkout.file("k8s");

    /** The kinds the manifests may use, by apiVersion/kind, with the model class to read them. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Stream.of(ServiceAccount.class, ConfigMap.class,
            Secret.class, Service.class, Deployment.class, HorizontalPodAutoscaler.class, PodDisruptionBudget.class,
            NetworkPolicy.class, Ingress.class)
            .collect(Collectors.toMap(Manifests::typeKey, c -> c, (a, b) -> a, LinkedHashMap::new));

    static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";

    /** ClusterSpec fields of the CloudNativePG API reference (v1.25). */
    private static final Set<String> CNPG_CLUSTER_SPEC = Set.of("affinity", "backup", "bootstrap", "certificates",
            "description", "enablePDB", "enableSuperuserAccess", "env", "envFrom", "ephemeralVolumeSource",
            "ephemeralVolumesSizeLimit", "externalClusters", "failoverDelay", "imageCatalogRef", "imageName",
            "imagePullPolicy", "imagePullSecrets", "inheritedMetadata", "instances", "livenessProbeTimeout", "logLevel",
            "managed", "maxSyncReplicas", "minSyncReplicas", "monitoring", "nodeMaintenanceWindow", "plugins",
            "postgresGID", "postgresUID", "postgresql", "primaryUpdateMethod", "primaryUpdateStrategy",
            "priorityClassName", "probes", "projectedVolumeTemplate", "replica", "replicationSlots", "resources",
            "schedulerName", "seccompProfile", "serviceAccountTemplate", "smartShutdownTimeout", "startDelay",
            "stopDelay", "storage", "superuserSecret", "switchoverDelay", "tablespaces", "topologySpreadConstraints",
            "walStorage");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // The model keeps unknown fields in "additionalProperties" through @JsonAnySetter;
            // without it, an unknown field is an error.
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            });

    private Manifests() {
    }

    private static String typeKey(Class<? extends HasMetadata> type) {
        String group = type.getAnnotation(Group.class).value();
        String version = type.getAnnotation(Version.class).value();
        return (group.isEmpty() ? "" : group + "/") + version + "/" + type.getSimpleName();
    }

    /** Every YAML document of the text, each read strictly into its model class. */
    static List<HasMetadata> parse(String yaml, String origin) {
        List<HasMetadata> resources = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            int index = 0;
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                index++;
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                resources.add(read(document, origin + " #" + index));
            }
        } catch (IOException e) {
            throw new AssertionError(origin + ": not YAML: " + e.getMessage(), e);
        }
        return resources;
    }

    private static HasMetadata read(JsonNode document, String origin) {
        String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        try {
            if (CNPG_CLUSTER.equals(key)) {
                Set<String> unknown = new TreeSet<>();
                document.path("spec").fieldNames().forEachRemaining(field -> {
                    if (!CNPG_CLUSTER_SPEC.contains(field)) {
                        unknown.add(field);
                    }
                });
                Assertions.assertEquals(Set.of(), unknown, origin + ": fields a CloudNativePG Cluster spec does not have");
                return new ObjectMapper().convertValue(document, GenericKubernetesResource.class);
            }
            Class<? extends HasMetadata> type = KINDS.get(key);
            if (type == null) {
                throw new AssertionError(origin + ": " + key + " is not a kind these manifests use (known: "
                        + KINDS.keySet() + ", " + CNPG_CLUSTER + ")");
            }
            return YAML.treeToValue(document, type);
        } catch (IOException e) {
            throw new AssertionError(origin + " (" + key + "): " + e.getMessage(), e);
        }
    }

    /** All YAML files under k8s/, sorted. */
    static List<Path> files() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isKustomization(Path file) {
        return file.getFileName().toString().equals("kustomization.yaml");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The overlays under k8s/overlays. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code kubectl kustomize <dir>}: works offline. Without kubectl the test fails under CI
     * (CI=true, as .ci/run sets it) and is skipped elsewhere.
     */
    static String render(Path kustomizationDir) {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", kustomizationDir.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("kubectl is needed in CI to render " + kustomizationDir + ": " + e.getMessage(), e);
            }
            Assumptions.abort("kubectl not installed: rendered overlays not checked (CI fails instead)");
            return null;
        }
        try {
            byte[] out = drain(process.getInputStream());
            byte[] err = drain(process.getErrorStream());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomizationDir + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] drain(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's configuration file as key/value pairs (profiles included as written). */
    static Map<String, String> applicationProperties() {
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    /** Environment variables application.properties reads (${NAME} or ${NAME:default}), with defaults. */
    static Map<String, String> environmentTheServiceReads() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String value : applicationProperties().values()) {
            Matcher m = ENV_REFERENCE.matcher(value);
            while (m.find()) {
                names.put(m.group(1), m.group(2) == null ? "" : m.group(2));
            }
        }
        return names;
    }
}
