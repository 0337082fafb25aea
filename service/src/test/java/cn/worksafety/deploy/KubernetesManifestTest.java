package cn.worksafety.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.quarkus.test.junit.QuarkusTest;

import cn.worksafety.support.Checkout;

/**
 * The Kubernetes manifests checked without a cluster, for what breaks deployments: every file
 * and every rendered overlay reads into the Kubernetes model without unknown fields; probes
 * and the metrics annotation point at endpoints this service answers (asked over HTTP here);
 * container, Service, NetworkPolicy and Ingress ports agree; the environment names are ones
 * application.properties reads and the required ones are set; references to ConfigMaps and
 * Secrets resolve; the image is the one k8s/README.md builds.
 */
@QuarkusTest
class KubernetesManifestTest {

    private static final Set<String> JVM_ENVIRONMENT = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "QUARKUS_PROFILE");
    /** Without these the service cannot reach its database or verify tokens in production. */
    private static final Set<String> REQUIRED_ENVIRONMENT = Set.of("DB_URL", "DB_USERNAME", "DB_PASSWORD", "OIDC_AUTH_SERVER_URL");
    private static final Path DB_SECRET_TEMPLATE = Checkout.file("k8s/base/db-secret.template.yaml");

    static List<String> overlays() {
        return Manifests.overlays();
    }

    // ---------- each file ----------

    @Test
    void everyManifestFileReadsIntoTheKubernetesModelWithoutUnknownFields() {
        List<Path> files = Manifests.files().stream().filter(f -> !Manifests.isKustomization(f)).toList();
        assertTrue(files.contains(Checkout.file("k8s/base/deployment.yaml")), "manifests found: " + files);
        for (Path file : files) {
            assertFalse(Manifests.parse(Manifests.read(file), file.toString()).isEmpty(), file + " holds no resource");
        }
    }

    @Test
    void everyManifestFileIsPartOfAKustomizationOrATemplate() {
        Set<String> listed = new HashSet<>();
        for (Path kustomization : Manifests.files().stream().filter(Manifests::isKustomization).toList()) {
            Matcher resources = Pattern.compile("(?m)^resources:\\s*\\n((?:\\s+-\\s+.*\\n?)+)").matcher(Manifests.read(kustomization));
            assertTrue(resources.find(), kustomization + " lists no resources");
            for (String line : resources.group(1).split("\n")) {
                String entry = line.replaceFirst("^\\s*-\\s*", "").trim();
                Path target = kustomization.getParent().resolve(entry).normalize();
                assertTrue(Files.exists(target), kustomization + " lists a missing resource " + entry);
                listed.add(target.toString());
            }
        }
        List<String> orphans = Manifests.files().stream()
                .filter(f -> !Manifests.isKustomization(f) && !f.getFileName().toString().endsWith(".template.yaml"))
                .map(Path::toString).filter(f -> !listed.contains(f)).toList();
        assertEquals(List.of(), orphans, "manifests no kustomization applies (name templates *.template.yaml)");
    }

    @Test
    void theSecretTemplateHoldsNoSecret() {
        List<HasMetadata> template = Manifests.parse(Manifests.read(DB_SECRET_TEMPLATE), DB_SECRET_TEMPLATE.toString());
        Secret secret = (Secret) template.get(0);
        assertEquals(Set.of("username", "password"), secret.getStringData().keySet());
        assertEquals(Set.of("REPLACE_ME"), new HashSet<>(secret.getStringData().values()), "placeholders only");
        assertTrue(secret.getData() == null || secret.getData().isEmpty(), "no base64 data in the template");
    }

    // ---------- each rendered overlay ----------

    @ParameterizedTest
    @MethodSource("overlays")
    void renderedOverlayReadsIntoTheKubernetesModelWithoutUnknownFields(String overlay) {
        Rendered rendered = render(overlay);
        assertNotNull(rendered.deployment(), overlay + ": no Deployment");
        assertTrue(rendered.resources.stream().noneMatch(r -> r instanceof Secret),
                overlay + ": Secrets are made in the cluster, never rendered from the repository");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesAndMetricsPointAtEndpointsTheServiceAnswers(String overlay) {
        Rendered rendered = render(overlay);
        Container app = rendered.container();
        assertProbe(rendered, app.getStartupProbe(), "/q/health/started", overlay + " startupProbe");
        assertProbe(rendered, app.getReadinessProbe(), "/q/health/ready", overlay + " readinessProbe");
        assertProbe(rendered, app.getLivenessProbe(), "/q/health/live", overlay + " livenessProbe");

        Map<String, String> annotations = rendered.deployment().getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals(Manifests.applicationProperties().get("quarkus.micrometer.export.prometheus.path"),
                annotations.get("prometheus.io/path"), overlay + ": Prometheus scrape path");
        assertEquals(String.valueOf(rendered.httpPort()), annotations.get("prometheus.io/port"), overlay + ": Prometheus scrape port");
        given().when().get(annotations.get("prometheus.io/path")).then().statusCode(200);
    }

    private static void assertProbe(Rendered rendered, Probe probe, String path, String what) {
        assertNotNull(probe, what + " missing");
        assertNotNull(probe.getHttpGet(), what + " must be an HTTP check");
        assertEquals(path, probe.getHttpGet().getPath(), what);
        assertEquals(rendered.httpPort(), rendered.containerPort(probe.getHttpGet().getPort()), what + " port");
        // The endpoint exists on this very build and answers UP.
        given().when().get(path).then().statusCode(200);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void portsAgreeFromContainerToServiceNetworkPolicyAndIngress(String overlay) {
        Rendered rendered = render(overlay);
        int configuredPort = Integer.parseInt(rendered.environment().getOrDefault("PORT",
                Manifests.environmentTheServiceReads().get("PORT")));
        assertEquals(configuredPort, rendered.httpPort(), overlay + ": containerPort 'http' vs the PORT the service listens on");

        Service service = rendered.one(Service.class);
        assertTrue(podLabelsSelected(rendered, service.getSpec().getSelector()), overlay + ": Service selects the pods");
        for (ServicePort port : service.getSpec().getPorts()) {
            assertEquals(rendered.httpPort(), rendered.containerPort(port.getTargetPort()),
                    overlay + ": Service port " + port.getName() + " targetPort");
        }

        NetworkPolicy policy = rendered.one(NetworkPolicy.class);
        assertTrue(podLabelsSelected(rendered, policy.getSpec().getPodSelector().getMatchLabels()), overlay + ": NetworkPolicy selects the pods");
        assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes());
        assertEquals(2, policy.getSpec().getIngress().size(), overlay + ": ingress controller and Prometheus only");
        for (var rule : policy.getSpec().getIngress()) {
            assertFalse(rule.getFrom() == null || rule.getFrom().isEmpty(), overlay + ": a NetworkPolicy rule without 'from' admits everyone");
            for (NetworkPolicyPort port : rule.getPorts()) {
                assertEquals(rendered.httpPort(), rendered.containerPort(port.getPort()), overlay + ": NetworkPolicy port");
            }
        }

        for (Ingress ingress : rendered.all(Ingress.class)) {
            Set<String> routed = new TreeSet<>();
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> routed.add(path.getPath())));
            assertTrue(routed.containsAll(Set.of("/graphql", "/import")), overlay + ": clients' endpoints routed: " + routed);
            for (var rule : ingress.getSpec().getRules()) {
                for (var path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    assertEquals(service.getMetadata().getName(), backend.getName(), overlay + ": Ingress backend Service");
                    assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> backend.getPort().getName() != null
                            ? backend.getPort().getName().equals(p.getName())
                            : backend.getPort().getNumber().equals(p.getPort())), overlay + ": Ingress backend port");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void environmentNamesAreSettingsTheServiceReadsAndTheirSourcesExist(String overlay) {
        Rendered rendered = render(overlay);
        Set<String> known = new TreeSet<>(Manifests.environmentTheServiceReads().keySet());
        known.addAll(JVM_ENVIRONMENT);
        Set<String> unknown = new TreeSet<>(rendered.environment().keySet());
        unknown.removeAll(known);
        assertEquals(Set.of(), unknown, overlay + ": environment variables application.properties does not read");
        Set<String> missing = new TreeSet<>(REQUIRED_ENVIRONMENT);
        missing.removeAll(rendered.environment().keySet());
        assertEquals(Set.of(), missing, overlay + ": required settings not set");

        for (EnvVar env : rendered.container().getEnv()) {
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                String secret = env.getValueFrom().getSecretKeyRef().getName();
                String key = env.getValueFrom().getSecretKeyRef().getKey();
                assertTrue(rendered.secretKeys(secret).contains(key),
                        overlay + ": " + env.getName() + " reads key '" + key + "' of Secret '" + secret
                                + "', which neither a CloudNativePG Cluster of the overlay nor " + DB_SECRET_TEMPLATE + " provides");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void imageIsTheOneTheReadmeBuilds(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        String image = rendered.container().getImage();
        int colon = image.lastIndexOf(':');
        assertTrue(colon > image.lastIndexOf('/'), overlay + ": image without a tag: " + image);
        String repository = image.substring(0, colon);
        String tag = image.substring(colon + 1);
        assertEquals(ImageBuild.repository(), repository, overlay + ": image repository vs the docker build in k8s/README.md");
        assertFalse(tag.equals("latest"), overlay + ": a moving tag cannot be rolled back");
        if (overlay.equals("prod")) {
            assertEquals(ImageBuild.projectVersion().replace("-SNAPSHOT", ""), tag, "prod: the release version of pom.xml");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void podRunsAsNonRootOnAReadOnlyFilesystemAndStopsGracefully(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        PodSpec pod = rendered.deployment().getSpec().getTemplate().getSpec();
        Container app = rendered.container();
        assertTrue(pod.getSecurityContext().getRunAsNonRoot(), overlay + ": runAsNonRoot");
        assertEquals(ImageBuild.dockerfileUser(), pod.getSecurityContext().getRunAsUser(), overlay + ": runAsUser = the images' USER");
        assertTrue(app.getSecurityContext().getReadOnlyRootFilesystem(), overlay + ": readOnlyRootFilesystem");
        assertFalse(app.getSecurityContext().getAllowPrivilegeEscalation(), overlay + ": allowPrivilegeEscalation");
        VolumeMount tmp = app.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": /tmp must be writable (emptyDir)"));
        assertTrue(pod.getVolumes().stream().anyMatch(v -> v.getName().equals(tmp.getName()) && v.getEmptyDir() != null), overlay + ": /tmp is an emptyDir");

        Quantity request = app.getResources().getRequests().get("memory");
        Quantity limit = app.getResources().getLimits().get("memory");
        assertNotNull(request, overlay + ": memory request");
        assertEquals(limit, request, overlay + ": memory request = limit");

        long preStop = app.getLifecycle().getPreStop().getSleep().getSeconds();
        long shutdown = java.time.Duration.parse("PT" + rendered.environment().getOrDefault("SHUTDOWN_TIMEOUT",
                Manifests.environmentTheServiceReads().get("SHUTDOWN_TIMEOUT")).toUpperCase()).toSeconds();
        assertTrue(pod.getTerminationGracePeriodSeconds() > preStop + shutdown,
                overlay + ": terminationGracePeriodSeconds must outlast preStop (" + preStop + " s) + SHUTDOWN_TIMEOUT (" + shutdown + " s)");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void autoscalerAndDisruptionBudgetCoverTheDeployment(String overlay) {
        Rendered rendered = render(overlay);
        Deployment deployment = rendered.deployment();
        HorizontalPodAutoscaler hpa = rendered.one(HorizontalPodAutoscaler.class);
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName(), overlay + ": HPA target");
        assertEquals(null, deployment.getSpec().getReplicas(), overlay + ": the HPA owns the replica count (kubectl apply would reset it)");
        assertTrue(hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas(), overlay + ": HPA range");
        assertNotNull(rendered.container().getResources().getRequests().get("cpu"), overlay + ": the HPA's CPU target needs a CPU request");
        PodDisruptionBudget pdb = rendered.one(PodDisruptionBudget.class);
        assertTrue(podLabelsSelected(rendered, pdb.getSpec().getSelector().getMatchLabels()), overlay + ": PDB selects the pods");
        if (overlay.equals("prod")) {
            assertTrue(hpa.getSpec().getMinReplicas() >= 2, "prod: at least two replicas");
        }
    }

    @Test
    void productionDatabaseIsACloudNativePgClusterOfThreeInstances() {
        Rendered prod = render("prod");
        GenericKubernetesResource cluster = prod.all(GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("Cluster")).findFirst().orElseThrow(() -> new AssertionError("prod: no CloudNativePG Cluster"));
        assertEquals(3, ((Number) cluster.get("spec", "instances")).intValue());
        String url = prod.environment().get("DB_URL");
        assertEquals("jdbc:postgresql://" + cluster.getMetadata().getName() + "-rw:5432/" + cluster.get("spec", "bootstrap", "initdb", "database"),
                url, "prod: DB_URL points at the Cluster's read-write Service and database");
    }

    // ---------- helpers ----------

    private static boolean podLabelsSelected(Rendered rendered, Map<String, String> selector) {
        Map<String, String> labels = rendered.deployment().getSpec().getTemplate().getMetadata().getLabels();
        return selector != null && !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static final Map<String, Rendered> RENDERED = new LinkedHashMap<>();

    private static synchronized Rendered render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> {
            Path dir = Manifests.ROOT.resolve("overlays").resolve(o);
            return new Rendered(Manifests.parse(Manifests.render(dir), "kubectl kustomize " + dir));
        });
    }

    /** One rendered overlay. */
    record Rendered(List<HasMetadata> resources) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return resources.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T one(Class<T> type) {
            List<T> found = all(type);
            assertEquals(1, found.size(), "exactly one " + type.getSimpleName());
            return found.get(0);
        }

        Deployment deployment() {
            return one(Deployment.class);
        }

        Container container() {
            List<Container> containers = deployment().getSpec().getTemplate().getSpec().getContainers();
            assertEquals(1, containers.size(), "one container");
            return containers.get(0);
        }

        int httpPort() {
            return container().getPorts().stream().filter(p -> "http".equals(p.getName())).map(ContainerPort::getContainerPort)
                    .findFirst().orElseThrow(() -> new AssertionError("no container port named http"));
        }

        /** A port by number or by container port name. */
        int containerPort(IntOrString port) {
            if (port.getIntVal() != null) {
                return port.getIntVal();
            }
            return container().getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                    .map(ContainerPort::getContainerPort).findFirst()
                    .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
        }

        /** The container's environment: ConfigMaps by envFrom (which must exist) and env entries. */
        Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            Container app = container();
            for (EnvFromSource from : Optional.ofNullable(app.getEnvFrom()).orElse(List.of())) {
                assertNotNull(from.getConfigMapRef(), "envFrom only from ConfigMaps (Secrets go key by key)");
                String name = from.getConfigMapRef().getName();
                ConfigMap map = all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                        .orElseThrow(() -> new AssertionError("envFrom names a ConfigMap the overlay lacks: " + name));
                env.putAll(map.getData());
            }
            for (EnvVar var : Optional.ofNullable(app.getEnv()).orElse(List.of())) {
                env.put(var.getName(), var.getValue());
            }
            return env;
        }

        /** Keys of a Secret the pods may read: generated by a CloudNativePG Cluster, or the template's. */
        Set<String> secretKeys(String name) {
            Set<String> keys = new HashSet<>();
            for (GenericKubernetesResource cluster : all(GenericKubernetesResource.class)) {
                if (cluster.getKind().equals("Cluster") && name.equals(cluster.getMetadata().getName() + "-app")) {
                    keys.addAll(List.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri"));
                }
            }
            Secret template = (Secret) Manifests.parse(Manifests.read(DB_SECRET_TEMPLATE), DB_SECRET_TEMPLATE.toString()).get(0);
            if (template.getMetadata().getName().equals(name)) {
                keys.addAll(template.getStringData().keySet());
            }
            return keys;
        }
    }
}
