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
 * The watch's component (k8s/components/watch) laid over the base, rendered with {@code kubectl kustomize}: one
 * watcher pod on its own labels with its data on a volume where the service writes it, the FRED key and webhooks from
 * an optional Secret, the API pods' rules; and alerts and a dashboard on metrics the service exports. Skipped without
 * kubectl on the PATH.
 */
class WatchManifestsTest {

    static final Path COMPONENT = Path.of("k8s/components/watch");
    static final Path METRICS_SOURCE = Path.of("src/main/java/dev/reservewatch/watch/WatchMetrics.java");
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
        Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
        String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize failed:%n%s", errors).isZero();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            docs = new ArrayList<>(new YAMLMapper().readValues(parser, JsonNode.class).readAll());
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
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind) && d.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
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
        JsonNode watcher = named("Deployment", "reserve-watch-watcher");
        assertThat(watcher.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(watcher.at("/spec/strategy/type").asText()).as("the old pod leaves before the new one mounts the data")
                .isEqualTo("Recreate");
        Map<String, String> pods = strings(watcher.at("/spec/template/metadata/labels"));
        Map<String, String> apiSelector = strings(named("Service", "reserve-watch").at("/spec/selector"));
        assertThat(pods.entrySet().containsAll(apiSelector.entrySet()))
                .as("the API Service, autoscaler and budget must not count the watcher").isFalse();
        assertThat(pods).containsAllEntriesOf(strings(named("Service", "reserve-watch-watcher").at("/spec/selector")))
                .containsAllEntriesOf(strings(watcher.at("/spec/selector/matchLabels")))
                .containsAllEntriesOf(strings(named("NetworkPolicy", "reserve-watch-watcher").at("/spec/podSelector/matchLabels")));

        JsonNode container = container(watcher);
        String dataDir = env(container, "WATCH_DATA_DIR").path("value").asText();
        JsonNode claim = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (dataDir.startsWith(mount.path("mountPath").asText() + "/")) {
                for (JsonNode volume : watcher.at("/spec/template/spec/volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        claim = volume.path("persistentVolumeClaim");
                    }
                }
            }
        }
        assertThat(claim).as("WATCH_DATA_DIR lies on a persistent volume").isNotNull();
        JsonNode pvc = named("PersistentVolumeClaim", claim.path("claimName").asText());
        assertThat(pvc.at("/spec/accessModes/0").asText()).isEqualTo("ReadWriteOnce");
        assertThat(watcher.at("/spec/template/spec/securityContext/fsGroup").asInt()).as("writable by the image's user")
                .isEqualTo(185);
    }

    @Test
    void theKeyAndWebhooksComeFromAnOptionalSecretAndTheRulesAsTheApiPodsHaveThem() {
        JsonNode watcher = named("Deployment", "reserve-watch-watcher");
        JsonNode api = named("Deployment", "reserve-watch");
        for (String variable : List.of("WATCH_FRED_API_KEY", "WATCH_WEBHOOK_URLS")) {
            JsonNode value = env(container(watcher), variable);
            assertThat(value.has("value")).as("%s is never a literal", variable).isFalse();
            assertThat(value.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("reserve-watch-fred");
            assertThat(value.at("/valueFrom/secretKeyRef/optional").asBoolean()).as("pods start without it, watch off").isTrue();
        }
        assertThat(api.toString()).as("the API pods have the watch off").doesNotContain("WATCH_FRED_API_KEY");
        assertThat(volume(watcher, "rules")).isEqualTo(volume(api, "rules"));
        // The API pods' limit also holds a draft's judge beside the service; the watcher judges no drafts. Both
        // JVMs get the same heap and the same other options.
        assertThat(jvmOptionsBesidesHeap(watcher)).isEqualTo(jvmOptionsBesidesHeap(api));
        assertThat(heapMib(watcher)).isCloseTo(heapMib(api), within(8.0));
        assertThat(env(container(watcher), "RULES_DIR")).isEqualTo(env(container(api), "RULES_DIR"));
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container(watcher).path(probe)).as(probe).isEqualTo(container(api).path(probe));
        }
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
