package dev.reservewatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * The watch's component (k8s/components/watch) laid over the base, and the overlays that include it (prod, dev-watch),
 * rendered with {@code kubectl kustomize}: one watcher pod on its own labels with its data on a volume where the
 * service writes it, the FRED key and webhooks from an optional Secret, the API pods' rules; and alerts and a dashboard
 * on metrics the service exports. What every Deployment shares with the API pods: {@link KubernetesManifestsTest}.
 * Skipped without kubectl on the PATH.
 */
class WatchManifestsTest {

    static final Path COMPONENT = Path.of("k8s/components/watch");
    static final Path METRICS_SOURCE = Path.of("src/main/java/dev/reservewatch/watch/WatchMetrics.java");
    static final String BASE_AND_COMPONENT = "k8s/base with k8s/components/watch";
    /** The layouts with the watch: the component over the base, and each overlay that includes it. */
    static final Map<String, List<JsonNode>> LAYOUTS = new java.util.LinkedHashMap<>();
    static List<JsonNode> docs;

    @BeforeAll
    static void render() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl not on PATH: manifests not rendered");
        Path dir = Path.of("target/k8s-watch");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../../k8s/base
                components:
                  - ../../k8s/components/watch
                """);
        LAYOUTS.put(BASE_AND_COMPONENT, kustomize(dir.toString()));
        LAYOUTS.put("k8s/overlays/prod", kustomize("k8s/overlays/prod"));
        LAYOUTS.put("k8s/overlays/dev-watch", kustomize("k8s/overlays/dev-watch"));
        docs = LAYOUTS.get(BASE_AND_COMPONENT);
    }

    static List<JsonNode> kustomize(String dir) throws Exception {
        Process process = new ProcessBuilder("kubectl", "kustomize", dir).start();
        String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize %s failed:%n%s", dir, errors).isZero();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            List<JsonNode> rendered = new ArrayList<>(new YAMLMapper().readValues(parser, JsonNode.class).readAll());
            rendered.removeIf(doc -> doc == null || !doc.isObject());
            return rendered;
        }
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    static JsonNode named(String kind, String name) {
        return named(docs, kind, name);
    }

    static JsonNode named(List<JsonNode> docs, String kind, String name) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind) && d.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    static JsonNode container(JsonNode deployment) {
        return deployment.at("/spec/template/spec/containers/0");
    }

    /** The JVM's options without its heap share. */
    static String jvmOptionsBesidesHeap(JsonNode deployment) {
        return env(container(deployment), "JAVA_TOOL_OPTIONS").path("value").asText()
                .replaceAll("-XX:MaxRAMPercentage=\\S+ ?", "");
    }

    /** The largest heap the JVM takes: its share of the container's memory limit, in MiB. */
    static double heapMib(JsonNode deployment) {
        Matcher share = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)")
                .matcher(env(container(deployment), "JAVA_TOOL_OPTIONS").path("value").asText());
        assertThat(share.find()).as("a heap share").isTrue();
        String limit = container(deployment).at("/resources/limits/memory").asText();
        assertThat(limit).as("a memory limit in Mi").endsWith("Mi");
        return Double.parseDouble(share.group(1)) / 100 * Double.parseDouble(limit.replace("Mi", ""));
    }

    static JsonNode env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("no env " + name);
    }

    static Map<String, String> strings(JsonNode map) {
        Map<String, String> strings = new HashMap<>();
        map.fields().forEachRemaining(e -> strings.put(e.getKey(), e.getValue().asText()));
        return strings;
    }

    @Test
    void oneWatcherPodOnItsOwnLabelsAndVolume() {
        LAYOUTS.forEach((layout, docs) -> {
            JsonNode watcher = named(docs, "Deployment", "reserve-watch-watcher");
            assertThat(watcher.at("/spec/replicas").asInt()).as("%s: one watcher", layout).isEqualTo(1);
            assertThat(watcher.at("/spec/strategy/type").asText())
                    .as("%s: the old pod leaves before the new one mounts the data", layout).isEqualTo("Recreate");
            Map<String, String> pods = strings(watcher.at("/spec/template/metadata/labels"));
            Map<String, String> apiSelector = strings(named(docs, "Service", "reserve-watch").at("/spec/selector"));
            assertThat(pods.entrySet().containsAll(apiSelector.entrySet()))
                    .as("%s: the API Service, autoscaler and budget must not count the watcher", layout).isFalse();
            assertThat(pods).as(layout)
                    .containsAllEntriesOf(strings(named(docs, "Service", "reserve-watch-watcher").at("/spec/selector")))
                    .containsAllEntriesOf(strings(watcher.at("/spec/selector/matchLabels")))
                    .containsAllEntriesOf(strings(named(docs, "NetworkPolicy", "reserve-watch-watcher")
                            .at("/spec/podSelector/matchLabels")));
            for (JsonNode hpa : ofKind(docs, "HorizontalPodAutoscaler")) {
                assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).as("%s: nothing scales the watcher", layout)
                        .isNotEqualTo("reserve-watch-watcher");
            }

            JsonNode container = container(watcher);
            String dataDir = env(container, "WATCH_DATA_DIR").path("value").asText();
            JsonNode mount = null;
            for (JsonNode m : container.path("volumeMounts")) {
                if (dataDir.startsWith(m.path("mountPath").asText() + "/")) {
                    mount = m;
                }
            }
            assertThat(mount).as("%s: WATCH_DATA_DIR %s lies below a mount", layout, dataDir).isNotNull();
            assertThat(mount.path("readOnly").asBoolean()).as("%s: the data mount is writable", layout).isFalse();
            String volumeName = mount.path("name").asText();
            JsonNode claim = volume(watcher, volumeName).path("persistentVolumeClaim");
            assertThat(claim.isMissingNode()).as("%s: WATCH_DATA_DIR lies on a persistent volume, not %s", layout,
                    volume(watcher, volumeName)).isFalse();
            String claimName = claim.path("claimName").asText();
            JsonNode pvc = named(docs, "PersistentVolumeClaim", claimName);
            assertThat(pvc.at("/spec/accessModes/0").asText()).as("%s: one node mounts it", layout).isEqualTo("ReadWriteOnce");
            assertThat(pvc.at("/spec/accessModes").size()).as(layout).isEqualTo(1);
            assertThat(pvc.at("/spec/resources/requests/storage").asText()).as("%s: the claim's size", layout).isNotEmpty();
            for (JsonNode other : ofKind(docs, "Deployment")) {
                if (!other.equals(watcher)) {
                    assertThat(other.at("/spec/template/spec/volumes").toString()).as("%s: only the watcher mounts %s", layout,
                            claimName).doesNotContain("\"" + claimName + "\"");
                }
            }
            assertThat(watcher.at("/spec/template/spec/securityContext/fsGroup").asInt())
                    .as("%s: writable by the image's user", layout).isEqualTo(185);
        });
    }

    @Test
    void theKeyAndWebhooksComeFromAnOptionalSecretAndTheRulesAsTheApiPodsHaveThem() {
        LAYOUTS.forEach((layout, docs) -> {
            JsonNode watcher = named(docs, "Deployment", "reserve-watch-watcher");
            JsonNode api = named(docs, "Deployment", "reserve-watch");
            for (String variable : List.of("WATCH_FRED_API_KEY", "WATCH_WEBHOOK_URLS")) {
                JsonNode value = env(container(watcher), variable);
                assertThat(value.has("value")).as("%s: %s is never a literal", layout, variable).isFalse();
                assertThat(value.at("/valueFrom/secretKeyRef/name").asText()).as(layout).isEqualTo("reserve-watch-fred");
                assertThat(value.at("/valueFrom/secretKeyRef/optional").asBoolean())
                        .as("%s: pods start without it, watch off", layout).isTrue();
            }
            assertThat(api.toString()).as("%s: the API pods have the watch off", layout).doesNotContain("WATCH_FRED_API_KEY");
            assertThat(volume(watcher, "rules")).as(layout).isEqualTo(volume(api, "rules"));
            // The API pods' limit also holds a draft's judge beside the service; the watcher judges no drafts. Both
            // JVMs get the same heap and the same other options.
            assertThat(jvmOptionsBesidesHeap(watcher)).as(layout).isEqualTo(jvmOptionsBesidesHeap(api));
            assertThat(heapMib(watcher)).as(layout).isCloseTo(heapMib(api), within(8.0));
            assertThat(env(container(watcher), "RULES_DIR")).as(layout).isEqualTo(env(container(api), "RULES_DIR"));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(container(watcher).path(probe)).as("%s: %s", layout, probe).isEqualTo(container(api).path(probe));
            }
        });
    }

    static JsonNode volume(JsonNode deployment, String name) {
        for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
            if (volume.path("name").asText().equals(name)) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    @Test
    void alertsAndDashboardUseMetricsTheServiceExports() throws IOException {
        JsonNode rule = named("PrometheusRule", "reserve-watch");
        List<String> alerts = rule.at("/spec/groups").findValuesAsText("alert");
        assertThat(alerts).contains("ReserveWatchRegimeScarce", "ReserveWatchHighSignalFiring", "ReserveWatchDataStale",
                "ReserveWatchFetchFailing");
        JsonNode dashboard = new ObjectMapper().readTree(named("ConfigMap", "reserve-watch-dashboard")
                .at("/data/reserve-watch.json").asText());
        assertThat(dashboard.path("uid").asText()).isEqualTo("reserve-watch");
        assertThat(dashboard.path("panels").size()).isGreaterThan(8);

        Set<String> used = new TreeSet<>();
        Pattern metric = Pattern.compile("reservewatch_watch_\\w+");
        for (String text : List.of(rule.toString(), dashboard.toString())) {
            Matcher m = metric.matcher(text);
            while (m.find()) {
                used.add(m.group());
            }
        }
        String exported = Files.readString(METRICS_SOURCE);
        assertThat(used).isNotEmpty().allSatisfy(name -> assertThat(exported).as("%s is registered by WatchMetrics", name)
                .contains("\"" + name + "\""));
    }
}
