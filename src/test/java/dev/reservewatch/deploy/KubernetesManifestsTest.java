package dev.reservewatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Renders k8s/ with {@code kubectl kustomize} and checks the manifests against the service: the port and
 * health paths it serves, the rules folder it reads (every file in rules/, at its path), the admin token,
 * the security settings, and that the output of k8s/sync-rules.sh is committed. No Quarkus boot; skipped
 * without kubectl on the PATH. Runs from the project root.
 */
class KubernetesManifestsTest {

    private static final String IN_PLACE = "k8s/overlays/dev-in-place";
    private static final List<String> ALL = List.of("k8s/base", "k8s/overlays/dev", "k8s/overlays/prod", IN_PLACE);
    private static final int HTTP_PORT = 8080;
    private static final String RULES_CONFIGMAP = "reserve-watch-rules";
    private static final Set<String> KNOWN_KINDS = Set.of("v1/ConfigMap", "v1/Service", "v1/ServiceAccount",
            "apps/v1/Deployment", "autoscaling/v2/HorizontalPodAutoscaler", "policy/v1/PodDisruptionBudget",
            "networking.k8s.io/v1/NetworkPolicy");
    private static final Map<String, String> APP_LABELS = Map.of(
            "app.kubernetes.io/name", "reserve-watch",
            "app.kubernetes.io/part-of", "reserve-watch");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    @Test
    void everyObjectIsOfAKnownKindAndCarriesTheAppLabels() throws Exception {
        for (String dir : ALL) {
            for (JsonNode doc : render(dir)) {
                String id = dir + ": " + doc.path("kind").asText() + "/" + doc.at("/metadata/name").asText();
                assertThat(doc.path("apiVersion").asText() + "/" + doc.path("kind").asText())
                        .as("%s is not of a kind these manifests are expected to hold", id).isIn(KNOWN_KINDS);
                assertThat(strings(doc.at("/metadata/labels")))
                        .as("%s lacks the app labels (labels: in k8s/base/kustomization.yaml)", id).containsAllEntriesOf(APP_LABELS);
            }
        }
    }

    @Test
    void selectorsPickTheDeploymentsPods() throws Exception {
        for (String dir : ALL) {
            List<JsonNode> docs = render(dir);
            JsonNode deployment = one(docs, "Deployment", dir);
            Map<String, String> podLabels = strings(deployment.at("/spec/template/metadata/labels"));
            Map<String, JsonNode> selectors = Map.of(
                    "Deployment selector", deployment.at("/spec/selector/matchLabels"),
                    "Service selector", one(docs, "Service", dir).at("/spec/selector"),
                    "PodDisruptionBudget selector", one(docs, "PodDisruptionBudget", dir).at("/spec/selector/matchLabels"),
                    "NetworkPolicy podSelector", one(docs, "NetworkPolicy", dir).at("/spec/podSelector/matchLabels"));
            selectors.forEach((what, selector) -> {
                assertThat(strings(selector)).as("%s: the %s must hold the app labels (an empty one selects every pod)", dir, what)
                        .containsAllEntriesOf(APP_LABELS);
                assertThat(podLabels).as("%s: the pods must carry every label of the %s", dir, what)
                        .containsAllEntriesOf(strings(selector));
            });
        }
    }

    @Test
    void probesAndPortsAreOnesTheServiceServes() throws Exception {
        for (String dir : ALL) {
            List<JsonNode> docs = render(dir);
            JsonNode container = container(one(docs, "Deployment", dir), dir);
            assertThat(resolvePort(container, TextNode.valueOf("http")))
                    .as("%s: the container port named http must be %d (quarkus.http.port)", dir, HTTP_PORT).isEqualTo(HTTP_PORT);
            JsonNode portEnv = env(container, "QUARKUS_HTTP_PORT");
            if (!portEnv.isMissingNode()) {
                assertThat(portEnv.path("value").asText()).as("%s: QUARKUS_HTTP_PORT", dir).isEqualTo(String.valueOf(HTTP_PORT));
            }
            Map<String, String> paths = Map.of("readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live",
                    "startupProbe", "/q/health/live");
            paths.forEach((probe, path) -> {
                JsonNode get = container.at("/" + probe + "/httpGet");
                assertThat(get.path("path").asText()).as("%s: the %s must GET %s", dir, probe, path).isEqualTo(path);
                assertThat(resolvePort(container, get.path("port"))).as("%s: the %s's port", dir, probe).isEqualTo(HTTP_PORT);
            });
            JsonNode startup = container.path("startupProbe");
            assertThat(startup.path("periodSeconds").asInt(10) * startup.path("failureThreshold").asInt(3))
                    .as("%s: the startupProbe must allow a slow start (JVM plus the first rules compile): 60 s or more", dir)
                    .isGreaterThanOrEqualTo(60);
            for (JsonNode port : one(docs, "Service", dir).at("/spec/ports")) {
                assertThat(resolvePort(container, port.path("targetPort")))
                        .as("%s: Service port %s must target the container's port %d", dir, port.path("name").asText(), HTTP_PORT)
                        .isEqualTo(HTTP_PORT);
            }
        }
    }

    @Test
    void rulesAreMountedWhereTheServiceReadsThem() throws Exception {
        for (String dir : ALL) {
            List<JsonNode> docs = render(dir);
            JsonNode deployment = one(docs, "Deployment", dir);
            JsonNode container = container(deployment, dir);
            JsonNode volume = rulesVolume(deployment, dir);
            JsonNode mount = find(container.path("volumeMounts"), "name", volume.path("name").asText());
            assertThat(mount.path("mountPath").asText()).as("%s: the rules volume must be mounted at RULES_DIR", dir)
                    .isNotEmpty().isEqualTo(env(container, "RULES_DIR").path("value").asText());
            assertThat(mount.path("readOnly").asBoolean()).as("%s: the rules mount must be readOnly", dir).isTrue();
            assertThat(mount.has("subPath")).as("%s: no subPath on the rules mount (a subPath never sees updates)", dir).isFalse();

            String configMap = one(docs, "ConfigMap", dir).at("/metadata/name").asText();
            assertThat(rulesSource(volume).path("name").asText())
                    .as("%s: the rules volume must refer to the rendered ConfigMap's name", dir).isEqualTo(configMap);
            if (dir.equals(IN_PLACE)) {
                assertThat(configMap).as("%s: in-place rules need the plain ConfigMap name", dir).isEqualTo(RULES_CONFIGMAP);
            } else {
                assertThat(configMap).as("%s: the rules ConfigMap's name must carry kustomize's content hash", dir)
                        .matches(RULES_CONFIGMAP + "-[a-z0-9]{6,}");
            }
        }
    }

    @Test
    void everyRuleFileIsInTheConfigMapAndProjectedToItsPath() throws Exception {
        Map<String, Path> expected = new TreeMap<>();   // ConfigMap key -> the file
        for (Path drl : list(Path.of("rules"), ".drl")) {
            expected.put(drl.getFileName().toString(), drl);
        }
        for (Path scenario : list(Path.of("rules", "scenarios"), ".json")) {
            expected.put("scenarios__" + scenario.getFileName(), scenario);
        }
        assertThat(expected).as("no rules/*.drl found: run the test from the project root").isNotEmpty();
        for (String dir : ALL) {
            List<JsonNode> docs = render(dir);
            JsonNode data = one(docs, "ConfigMap", dir).path("data");
            Map<String, String> items = new TreeMap<>();   // key -> path under RULES_DIR
            for (JsonNode item : rulesSource(rulesVolume(one(docs, "Deployment", dir), dir)).path("items")) {
                items.put(item.path("key").asText(), item.path("path").asText());
            }
            assertThat(strings(data).keySet()).as("%s: the rules ConfigMap's keys differ from the files in rules/: "
                    + "run k8s/sync-rules.sh", dir).containsExactlyInAnyOrderElementsOf(expected.keySet());
            assertThat(items.keySet()).as("%s: the rules volume's items differ from the files in rules/: run k8s/sync-rules.sh", dir)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (Map.Entry<String, Path> file : expected.entrySet()) {
                String key = file.getKey();
                String path = Path.of("rules").relativize(file.getValue()).toString().replace(File.separatorChar, '/');
                assertThat(items.get(key)).as("%s: key %s must be projected to %s under RULES_DIR", dir, key, path).isEqualTo(path);
                assertThat(data.path(key).asText()).as("%s: ConfigMap key %s must hold %s as it is", dir, key, file.getValue())
                        .isEqualTo(Files.readString(file.getValue()));
            }
        }
    }

    @Test
    void podsHaveResourcesAndRunLockedDown() throws Exception {
        for (String dir : ALL) {
            List<JsonNode> docs = render(dir);
            JsonNode deployment = one(docs, "Deployment", dir);
            JsonNode pod = deployment.at("/spec/template/spec");
            for (JsonNode c : pod.path("containers")) {
                String id = dir + ": container " + c.path("name").asText();
                for (String resource : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
                    assertThat(c.at("/resources/" + resource).asText()).as("%s: resources %s must be set", id, resource).isNotEmpty();
                }
                assertThat(effective(c, pod, "runAsNonRoot").asBoolean()).as("%s: runAsNonRoot", id).isTrue();
                assertThat(effective(c, pod, "runAsUser").asInt()).as("%s: runAsUser (the image's user)", id).isEqualTo(185);
                assertThat(effective(c, pod, "seccompProfile").path("type").asText()).as("%s: seccompProfile", id)
                        .isEqualTo("RuntimeDefault");
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as("%s: readOnlyRootFilesystem", id).isTrue();
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as("%s: allowPrivilegeEscalation", id).isFalse();
                assertThat(texts(sc.at("/capabilities/drop"))).as("%s: capabilities.drop", id).contains("ALL");
            }
            JsonNode container = container(deployment, dir);
            String tmp = find(container.path("volumeMounts"), "mountPath", "/tmp").path("name").asText();
            assertThat(find(pod.path("volumes"), "name", tmp).has("emptyDir"))
                    .as("%s: /tmp must be an emptyDir (the root filesystem is read-only)", dir).isTrue();
            String javaOptions = env(container, "JAVA_TOOL_OPTIONS").path("value").asText();
            assertThat(javaOptions).as("%s: JAVA_TOOL_OPTIONS must size the heap from the container's memory", dir)
                    .contains("-XX:MaxRAMPercentage=");
            assertThat(javaOptions).as("%s: JAVA_TOOL_OPTIONS must pin the collector the memory figures were measured with",
                    dir).contains("-XX:+UseSerialGC");
            assertThat(dockerfileJavaOptions()).as("%s: the image and the Deployment must start the JVM alike", dir)
                    .isEqualTo(javaOptions);

            JsonNode account = one(docs, "ServiceAccount", dir);
            assertThat(pod.path("serviceAccountName").asText()).as("%s: serviceAccountName", dir)
                    .isEqualTo(account.at("/metadata/name").asText());
            assertThat(account.path("automountServiceAccountToken").asBoolean(true))
                    .as("%s: the ServiceAccount must not mount a token", dir).isFalse();
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
                    .as("%s: the pods must not mount a token", dir).isFalse();
        }
    }

    @Test
    void adminTokenComesFromAnOptionalSecret() throws Exception {
        for (String dir : ALL) {
            JsonNode token = env(container(one(render(dir), "Deployment", dir), dir), "RULES_ADMIN_TOKEN");
            assertThat(token.has("value")).as("%s: RULES_ADMIN_TOKEN must never be a literal value", dir).isFalse();
            JsonNode ref = token.at("/valueFrom/secretKeyRef");
            assertThat(ref.path("name").asText()).as("%s: RULES_ADMIN_TOKEN's Secret", dir).isEqualTo("reserve-watch-admin");
            assertThat(ref.path("key").asText()).as("%s: RULES_ADMIN_TOKEN's key in the Secret", dir).isEqualTo("token");
            assertThat(ref.path("optional").asBoolean()).as("%s: the Secret must be optional (pods start without it)", dir).isTrue();
        }
    }

    @Test
    void networkPolicyAdmitsOnlyTheHttpPort() throws Exception {
        for (String dir : ALL) {
            List<JsonNode> docs = render(dir);
            JsonNode container = container(one(docs, "Deployment", dir), dir);
            JsonNode policy = one(docs, "NetworkPolicy", dir).path("spec");
            assertThat(texts(policy.path("policyTypes"))).as("%s: NetworkPolicy policyTypes", dir).contains("Ingress");
            assertThat(policy.path("ingress").size()).as("%s: NetworkPolicy ingress rules", dir).isPositive();
            for (JsonNode rule : policy.path("ingress")) {
                assertThat(rule.path("ports").size()).as("%s: an ingress rule without ports admits every port", dir).isPositive();
                for (JsonNode port : rule.path("ports")) {
                    assertThat(port.path("protocol").asText("TCP")).as("%s: NetworkPolicy protocol", dir).isEqualTo("TCP");
                    assertThat(resolvePort(container, port.path("port"))).as("%s: NetworkPolicy port", dir).isEqualTo(HTTP_PORT);
                    assertThat(port.has("endPort")).as("%s: NetworkPolicy port range", dir).isFalse();
                }
            }
        }
    }

    @Test
    void autoscalerScalesTheDeploymentAndProdRunsMoreThanDev() throws Exception {
        for (String dir : ALL) {
            List<JsonNode> docs = render(dir);
            JsonNode deployment = one(docs, "Deployment", dir);
            JsonNode hpa = one(docs, "HorizontalPodAutoscaler", dir).path("spec");
            assertThat(hpa.at("/scaleTargetRef/kind").asText() + "/" + hpa.at("/scaleTargetRef/name").asText())
                    .as("%s: the autoscaler's target", dir).isEqualTo("Deployment/" + deployment.at("/metadata/name").asText());
            assertThat(hpa.path("metrics").findValuesAsText("name")).as("%s: the autoscaler scales on cpu", dir).contains("cpu");
            int min = hpa.path("minReplicas").asInt(1);
            int max = hpa.path("maxReplicas").asInt();
            assertThat(min).as("%s: the autoscaler's minReplicas must not exceed its maxReplicas", dir).isLessThanOrEqualTo(max);
            assertThat(deployment.at("/spec/replicas").asInt(1)).as("%s: replicas within the autoscaler's bounds", dir)
                    .isBetween(min, max);
        }
        assertThat(spec("k8s/overlays/prod", "Deployment", "replicas")).as("prod must run more replicas than dev")
                .isGreaterThan(spec("k8s/overlays/dev", "Deployment", "replicas"));
        assertThat(spec("k8s/overlays/prod", "HorizontalPodAutoscaler", "maxReplicas")).as("prod must scale further than dev")
                .isGreaterThan(spec("k8s/overlays/dev", "HorizontalPodAutoscaler", "maxReplicas"));
    }

    @Test
    void syncRulesOutputIsCommitted() throws Exception {
        assumeTrue(onPath("bash"), "bash not on PATH: k8s/sync-rules.sh not run");
        Process process = new ProcessBuilder("bash", "k8s/sync-rules.sh", "--check").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("k8s/sync-rules.sh --check did not finish").isTrue();
        assertThat(process.exitValue())
                .as("rules/kustomization.yaml or k8s/base/rules-volume.yaml is stale: run k8s/sync-rules.sh.%n%s", output)
                .isZero();
    }

    // --- rendering and reading the manifests -----------------------------------------------------

    private static List<JsonNode> render(String dir) throws IOException, InterruptedException {
        assumeTrue(onPath("kubectl"), "kubectl not on PATH: manifests not rendered");
        if (!RENDERED.containsKey(dir)) {
            Process process = new ProcessBuilder("kubectl", "kustomize", dir).start();
            String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("kubectl kustomize %s did not finish", dir).isTrue();
            assertThat(process.exitValue()).as("kubectl kustomize %s failed:%n%s", dir, errors).isZero();
            try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
                List<JsonNode> docs = new ArrayList<>(YAML.readValues(parser, JsonNode.class).readAll());
                docs.removeIf(doc -> doc == null || !doc.isObject());
                RENDERED.put(dir, docs);
            }
        }
        return RENDERED.get(dir);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty())
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)) || Files.isExecutable(Path.of(d, command + ".exe")));
    }

    /** The files the service reads from a folder: names ending with the suffix, not starting with '.'. */
    private static List<Path> list(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(suffix) && !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private static JsonNode one(List<JsonNode> docs, String kind, String dir) {
        List<JsonNode> found = docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        assertThat(found).as("%s must render exactly one %s", dir, kind).hasSize(1);
        return found.get(0);
    }

    private static int spec(String dir, String kind, String field) throws IOException, InterruptedException {
        return one(render(dir), kind, dir).path("spec").path(field).asInt();
    }

    private static JsonNode container(JsonNode deployment, String dir) {
        JsonNode c = find(deployment.at("/spec/template/spec/containers"), "name", "reserve-watch");
        assertThat(c.isMissingNode()).as("%s: the Deployment has no container named reserve-watch", dir).isFalse();
        return c;
    }

    private static JsonNode env(JsonNode container, String name) {
        return find(container.path("env"), "name", name);
    }

    /** The pod's volume projecting the rules ConfigMap. */
    private static JsonNode rulesVolume(JsonNode deployment, String dir) {
        for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
            if (rulesSource(volume).path("name").asText().startsWith(RULES_CONFIGMAP)) {
                return volume;
            }
        }
        throw new AssertionError(dir + ": no projected volume of the ConfigMap " + RULES_CONFIGMAP);
    }

    private static JsonNode rulesSource(JsonNode volume) {
        return find(volume.at("/projected/sources"), "configMap", null).path("configMap");
    }

    /** The first element of an array whose field has the value (value null: that has the field at all). */
    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (value == null ? element.has(field) : element.path(field).asText().equals(value)) {
                return element;
            }
        }
        return MissingNode.getInstance();
    }

    /** A port as a number, or as the name of one of the container's ports; -1 if neither. */
    private static int resolvePort(JsonNode container, JsonNode port) {
        if (port.isInt() || port.asText().matches("\\d+")) {
            return port.asInt();
        }
        return find(container.path("ports"), "name", port.asText()).path("containerPort").asInt(-1);
    }

    /** A container's security setting, or else the pod's. */
    private static JsonNode effective(JsonNode container, JsonNode podSpec, String field) {
        JsonNode own = container.path("securityContext").path(field);
        return own.isMissingNode() || own.isNull() ? podSpec.path("securityContext").path(field) : own;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    /** The JAVA_TOOL_OPTIONS the image sets, so that a container run without the manifests behaves the same. */
    private static String dockerfileJavaOptions() throws IOException {
        Matcher value = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"")
                .matcher(Files.readString(Path.of("src/main/docker/Dockerfile.jvm")));
        assertThat(value.find()).as("Dockerfile.jvm sets JAVA_TOOL_OPTIONS").isTrue();
        return value.group(1);
    }
}
