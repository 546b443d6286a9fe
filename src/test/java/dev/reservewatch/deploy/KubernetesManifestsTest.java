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
 * the security settings, and that the output of k8s/sync-rules.sh is committed. Every Deployment is checked, the
 * API pods' and, where an overlay has the watch (k8s/components/watch), the watcher's; each selector picks the pods
 * of its own Deployment and no other. The watcher's own layout: {@link WatchManifestsTest}. No Quarkus boot; skipped
 * without kubectl on the PATH. Runs from the project root.
 */
class KubernetesManifestsTest {

    private static final String IN_PLACE = "k8s/overlays/dev-in-place";
    private static final String DEV_WATCH = "k8s/overlays/dev-watch";
    private static final List<String> ALL = List.of("k8s/base", "k8s/overlays/dev", "k8s/overlays/prod", IN_PLACE, DEV_WATCH);
    /** The layouts with the watch: the API pods and one watcher pod. The others have the API pods only. */
    private static final Set<String> WITH_WATCHER = Set.of("k8s/overlays/prod", DEV_WATCH);
    private static final String API = "reserve-watch";
    private static final String WATCHER = "reserve-watch-watcher";
    private static final int HTTP_PORT = 8080;
    private static final int MANAGEMENT_PORT = 9000;
    private static final String RULES_CONFIGMAP = "reserve-watch-rules";
    private static final Set<String> KNOWN_KINDS = Set.of("v1/ConfigMap", "v1/Service", "v1/ServiceAccount",
            "apps/v1/Deployment", "autoscaling/v2/HorizontalPodAutoscaler", "policy/v1/PodDisruptionBudget",
            "networking.k8s.io/v1/NetworkPolicy", "v1/PersistentVolumeClaim", "monitoring.coreos.com/v1/PrometheusRule");
    private static final Map<String, String> PART_OF = Map.of("app.kubernetes.io/part-of", "reserve-watch");
    /** app.kubernetes.io/name: the API pods' objects, or the watcher's (labels apart, so that no selector mixes them). */
    private static final Set<String> APP_NAMES = Set.of(API, WATCHER);
    /** The kinds whose selector picks pods; each is named after the Deployment whose pods it must pick, and only those. */
    private static final Map<String, String> SELECTOR = Map.of("Deployment", "/spec/selector/matchLabels",
            "Service", "/spec/selector", "PodDisruptionBudget", "/spec/selector/matchLabels",
            "NetworkPolicy", "/spec/podSelector/matchLabels");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    @Test
    void everyObjectIsOfAKnownKindAndCarriesTheAppLabels() throws Exception {
        for (String dir : ALL) {
            for (JsonNode doc : render(dir)) {
                String id = dir + ": " + doc.path("kind").asText() + "/" + doc.at("/metadata/name").asText();
                assertThat(doc.path("apiVersion").asText() + "/" + doc.path("kind").asText())
                        .as("%s is not of a kind these manifests are expected to hold", id).isIn(KNOWN_KINDS);
                Map<String, String> labels = strings(doc.at("/metadata/labels"));
                assertThat(labels).as("%s lacks the app labels (labels: in k8s/base/kustomization.yaml, or the watch's)", id)
                        .containsAllEntriesOf(PART_OF);
                assertThat(labels.get("app.kubernetes.io/name")).as("%s: app.kubernetes.io/name", id).isIn(APP_NAMES);
            }
        }
    }

    @Test
    void theOverlaysWithTheWatchRunOneWatcherBesideTheApiPods() throws Exception {
        for (String dir : ALL) {
            List<String> names = render(dir).stream().filter(d -> d.path("kind").asText().equals("Deployment"))
                    .map(d -> d.at("/metadata/name").asText()).toList();
            if (WITH_WATCHER.contains(dir)) {
                assertThat(names).as("%s: the API pods and the watcher (components: k8s/components/watch)", dir)
                        .containsExactlyInAnyOrder(API, WATCHER);
            } else {
                assertThat(names).as("%s: the API pods only", dir).containsExactly(API);
            }
        }
    }

    @Test
    void everySelectorPicksThePodsOfItsOwnDeploymentAndNoOther() throws Exception {
        for (String dir : ALL) {
            List<JsonNode> docs = render(dir);
            Map<String, Map<String, String>> pods = new TreeMap<>();   // Deployment -> its pods' labels
            for (JsonNode deployment : deployments(docs)) {
                pods.put(deployment.at("/metadata/name").asText(), strings(deployment.at("/spec/template/metadata/labels")));
            }
            for (JsonNode doc : docs) {
                String kind = doc.path("kind").asText();
                if (!SELECTOR.containsKey(kind)) {
                    continue;
                }
                String name = doc.at("/metadata/name").asText();
                Map<String, String> selector = strings(doc.at(SELECTOR.get(kind)));
                assertThat(selector).as("%s: %s/%s: an empty selector picks every pod", dir, kind, name)
                        .containsAllEntriesOf(PART_OF).containsKey("app.kubernetes.io/name");
                List<String> picked = pods.entrySet().stream()
                        .filter(e -> e.getValue().entrySet().containsAll(selector.entrySet())).map(Map.Entry::getKey).toList();
                assertThat(picked).as("%s: %s/%s must pick the pods of Deployment %s and no other's", dir, kind, name, name)
                        .containsExactly(name);
            }
            assertThat(docs.stream().filter(d -> d.path("kind").asText().equals("PodDisruptionBudget"))
                    .map(d -> d.at("/metadata/name").asText())).as("%s: the API pods' disruption budget", dir).containsExactly(API);
            for (JsonNode hpa : docs.stream().filter(d -> d.path("kind").asText().equals("HorizontalPodAutoscaler")).toList()) {
                assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).as("%s: the autoscaler scales the API pods only", dir)
                        .isEqualTo(API);
            }
        }
    }

    @Test
    void probesAndPortsAreOnesTheServiceServes() throws Exception {
        for (String layout : ALL) {
            List<JsonNode> docs = render(layout);
            for (JsonNode deployment : deployments(docs)) {
                String dir = layout + ", Deployment " + deployment.at("/metadata/name").asText();
                String name = deployment.at("/metadata/name").asText();
                JsonNode container = container(deployment, dir);
                assertThat(resolvePort(container, TextNode.valueOf("http")))
                        .as("%s: the container port named http must be %d (quarkus.http.port)", dir, HTTP_PORT).isEqualTo(HTTP_PORT);
                JsonNode portEnv = env(container, "QUARKUS_HTTP_PORT");
                if (!portEnv.isMissingNode()) {
                    assertThat(portEnv.path("value").asText()).as("%s: QUARKUS_HTTP_PORT", dir).isEqualTo(String.valueOf(HTTP_PORT));
                }
                assertThat(resolvePort(container, TextNode.valueOf("management")))
                        .as("%s: the container port named management must be %d (quarkus.management.port)", dir, MANAGEMENT_PORT)
                        .isEqualTo(MANAGEMENT_PORT);
                JsonNode managementEnv = env(container, "QUARKUS_MANAGEMENT_PORT");
                if (!managementEnv.isMissingNode()) {
                    assertThat(managementEnv.path("value").asText()).as("%s: QUARKUS_MANAGEMENT_PORT", dir)
                            .isEqualTo(String.valueOf(MANAGEMENT_PORT));
                }
                Map<String, String> paths = Map.of("readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live",
                        "startupProbe", "/q/health/live");
                paths.forEach((probe, path) -> {
                    JsonNode get = container.at("/" + probe + "/httpGet");
                    assertThat(get.path("path").asText()).as("%s: the %s must GET %s", dir, probe, path).isEqualTo(path);
                    assertThat(resolvePort(container, get.path("port")))
                            .as("%s: the %s must ask the management port, where health is served", dir, probe)
                            .isEqualTo(MANAGEMENT_PORT);
                });
                JsonNode annotations = deployment.at("/spec/template/metadata/annotations");
                assertThat(annotations.path("prometheus.io/port").asText())
                        .as("%s: metrics are scraped from the management port", dir)
                        .isEqualTo(String.valueOf(MANAGEMENT_PORT));
                assertThat(annotations.path("prometheus.io/path").asText()).as("%s: the metrics path", dir).isEqualTo("/q/metrics");
                JsonNode startup = container.path("startupProbe");
                assertThat(startup.path("periodSeconds").asInt(10) * startup.path("failureThreshold").asInt(3))
                        .as("%s: the startupProbe must allow a slow start (JVM plus the first rules compile): 60 s or more", dir)
                        .isGreaterThanOrEqualTo(60);
                for (JsonNode port : named(docs, "Service", name, dir).at("/spec/ports")) {
                    assertThat(resolvePort(container, port.path("targetPort")))
                            .as("%s: Service %s port %s must target the container's port %d", dir, name, port.path("name").asText(),
                                    HTTP_PORT)
                            .isEqualTo(HTTP_PORT);
                }
            }
        }
    }

    @Test
    void rulesAreMountedWhereTheServiceReadsThem() throws Exception {
        for (String layout : ALL) {
            List<JsonNode> docs = render(layout);
            for (JsonNode deployment : deployments(docs)) {
                String dir = layout + ", Deployment " + deployment.at("/metadata/name").asText();
                JsonNode container = container(deployment, dir);
                JsonNode volume = rulesVolume(deployment, dir);
                JsonNode mount = find(container.path("volumeMounts"), "name", volume.path("name").asText());
                assertThat(mount.path("mountPath").asText()).as("%s: the rules volume must be mounted at RULES_DIR", dir)
                        .isNotEmpty().isEqualTo(env(container, "RULES_DIR").path("value").asText());
                assertThat(mount.path("readOnly").asBoolean()).as("%s: the rules mount must be readOnly", dir).isTrue();
                assertThat(mount.has("subPath")).as("%s: no subPath on the rules mount (a subPath never sees updates)", dir)
                        .isFalse();

                String configMap = rulesConfigMap(docs, layout).at("/metadata/name").asText();
                assertThat(rulesSource(volume).path("name").asText())
                        .as("%s: the rules volume must refer to the rendered ConfigMap's name", dir).isEqualTo(configMap);
                if (layout.equals(IN_PLACE)) {
                    assertThat(configMap).as("%s: in-place rules need the plain ConfigMap name", dir).isEqualTo(RULES_CONFIGMAP);
                } else {
                    assertThat(configMap).as("%s: the rules ConfigMap's name must carry kustomize's content hash", dir)
                            .matches(RULES_CONFIGMAP + "-[a-z0-9]{6,}");
                }
            }
        }
    }

    @Test
    void everyRuleFileIsInTheConfigMapAndMappedToItsPath() throws Exception {
        Map<String, Path> expected = new TreeMap<>();   // ConfigMap key -> the file
        for (Path drl : list(Path.of("rules"), ".drl")) {
            expected.put(drl.getFileName().toString(), drl);
        }
        for (Path scenario : list(Path.of("rules", "scenarios"), ".json")) {
            expected.put("scenarios__" + scenario.getFileName(), scenario);
        }
        assertThat(expected).as("no rules/*.drl found: run the test from the project root").isNotEmpty();
        for (String layout : ALL) {
            List<JsonNode> docs = render(layout);
            JsonNode data = rulesConfigMap(docs, layout).path("data");
            for (JsonNode deployment : deployments(docs)) {
                String dir = layout + ", Deployment " + deployment.at("/metadata/name").asText();
                Map<String, String> items = new TreeMap<>();   // key -> path under RULES_DIR
                for (JsonNode item : rulesSource(rulesVolume(deployment, dir)).path("items")) {
                    items.put(item.path("key").asText(), item.path("path").asText());
                }
                assertThat(strings(data).keySet()).as("%s: the rules ConfigMap's keys differ from the files in rules/: "
                        + "run k8s/sync-rules.sh", dir).containsExactlyInAnyOrderElementsOf(expected.keySet());
                assertThat(items.keySet())
                        .as("%s: the rules volume's items differ from the files in rules/: run k8s/sync-rules.sh", dir)
                        .containsExactlyInAnyOrderElementsOf(expected.keySet());
                for (Map.Entry<String, Path> file : expected.entrySet()) {
                    String key = file.getKey();
                    String path = Path.of("rules").relativize(file.getValue()).toString().replace(File.separatorChar, '/');
                    assertThat(items.get(key)).as("%s: key %s must be mapped to %s under RULES_DIR", dir, key, path).isEqualTo(path);
                    assertThat(data.path(key).asText()).as("%s: ConfigMap key %s must hold %s as it is", dir, key, file.getValue())
                            .isEqualTo(Files.readString(file.getValue()));
                }
            }
        }
    }

    @Test
    void podsHaveResourcesAndRunLockedDown() throws Exception {
        for (String layout : ALL) {
            List<JsonNode> docs = render(layout);
            for (JsonNode deployment : deployments(docs)) {
                String dir = layout + ", Deployment " + deployment.at("/metadata/name").asText();
                JsonNode pod = deployment.at("/spec/template/spec");
                for (JsonNode c : pod.path("containers")) {
                    String id = dir + ": container " + c.path("name").asText();
                    for (String resource : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
                        assertThat(c.at("/resources/" + resource).asText()).as("%s: resources %s must be set", id, resource)
                                .isNotEmpty();
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
                // alike but for the heap's share: the API pods' limit leaves room for a draft's judge
                assertThat(withoutHeapShare(dockerfileJavaOptions()))
                        .as("%s: the image and the Deployment must start the JVM alike", dir)
                        .isEqualTo(withoutHeapShare(javaOptions));

                JsonNode account = one(docs, "ServiceAccount", dir);
                assertThat(pod.path("serviceAccountName").asText()).as("%s: serviceAccountName", dir)
                        .isEqualTo(account.at("/metadata/name").asText());
                assertThat(account.path("automountServiceAccountToken").asBoolean(true))
                        .as("%s: the ServiceAccount must not mount a token", dir).isFalse();
                assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
                        .as("%s: the pods must not mount a token", dir).isFalse();
            }
        }
    }

    @Test
    void everyPodRunsTheApiPodsImageLockedDownAlike() throws Exception {
        // the watcher is the same service with the watch on: the image the overlay sets, and not one setting looser
        for (String dir : ALL) {
            List<JsonNode> docs = render(dir);
            JsonNode api = named(docs, "Deployment", API, dir);
            JsonNode apiPod = api.at("/spec/template/spec");
            for (JsonNode deployment : deployments(docs)) {
                String id = dir + ": Deployment " + deployment.at("/metadata/name").asText();
                JsonNode pod = deployment.at("/spec/template/spec");
                assertThat(container(deployment, dir).path("image").asText()).as("%s: the image the overlay sets (images:)", id)
                        .isEqualTo(container(api, dir).path("image").asText());
                assertThat(container(deployment, dir).path("securityContext")).as("%s: the container's securityContext", id)
                        .isEqualTo(container(api, dir).path("securityContext"));
                assertThat(pod.path("securityContext")).as("%s: the pod's securityContext", id)
                        .isEqualTo(apiPod.path("securityContext"));
                for (String field : List.of("serviceAccountName", "automountServiceAccountToken", "enableServiceLinks")) {
                    assertThat(pod.path(field)).as("%s: %s", id, field).isEqualTo(apiPod.path(field));
                }
            }
        }
    }

    @Test
    void rulesTokensComeFromAnOptionalSecret() throws Exception {
        Map<String, String> keys = Map.of("RULES_ADMIN_TOKEN", "token", "RULES_AUTHOR_TOKEN", "author-token");
        for (String layout : ALL) {
            for (JsonNode deployment : deployments(render(layout))) {
                String dir = layout + ", Deployment " + deployment.at("/metadata/name").asText();
                JsonNode container = container(deployment, dir);
                keys.forEach((variable, key) -> {
                    JsonNode token = env(container, variable);
                    assertThat(token.isMissingNode()).as("%s: %s must be set from the Secret", dir, variable).isFalse();
                    assertThat(token.has("value")).as("%s: %s must never be a literal value", dir, variable).isFalse();
                    JsonNode ref = token.at("/valueFrom/secretKeyRef");
                    assertThat(ref.path("name").asText()).as("%s: %s's Secret", dir, variable).isEqualTo("reserve-watch-admin");
                    assertThat(ref.path("key").asText()).as("%s: %s's key in the Secret", dir, variable).isEqualTo(key);
                    assertThat(ref.path("optional").asBoolean()).as("%s: the Secret must be optional (pods start without it)", dir)
                            .isTrue();
                });
            }
        }
    }

    @Test
    void networkPolicyAdmitsOnlyNamedPeersToTheTwoPortsAndLetsOutOnlyDnsAndTheWatchersHttps() throws Exception {
        for (String layout : ALL) {
            List<JsonNode> docs = render(layout);
            for (JsonNode deployment : deployments(docs)) {
                String dir = layout + ", Deployment " + deployment.at("/metadata/name").asText();
                JsonNode container = container(deployment, dir);
                // the API pods call nothing; the watcher calls FRED and the webhooks, over HTTPS
                Set<Integer> out = isWatcher(deployment) ? Set.of(53, 443) : Set.of(53);
                JsonNode policy = named(docs, "NetworkPolicy", deployment.at("/metadata/name").asText(), dir).path("spec");
                assertThat(texts(policy.path("policyTypes"))).as("%s: NetworkPolicy policyTypes", dir)
                        .contains("Ingress", "Egress");
                assertThat(policy.path("ingress").size()).as("%s: NetworkPolicy ingress rules", dir).isPositive();
                Set<Integer> admitted = new java.util.TreeSet<>();
                for (JsonNode rule : policy.path("ingress")) {
                    assertThat(rule.path("ports").size()).as("%s: an ingress rule without ports admits every port", dir).isPositive();
                    assertThat(rule.path("from").size()).as("%s: an ingress rule without from admits every peer", dir).isPositive();
                    for (JsonNode peer : rule.path("from")) {
                        assertThat(peer.has("ipBlock")).as("%s: ingress peers are pods and namespaces, not addresses", dir).isFalse();
                        if (peer.has("namespaceSelector")) {
                            assertThat(strings(peer.at("/namespaceSelector/matchLabels")))
                                    .as("%s: a namespaceSelector must name its namespaces by label (empty selects all)", dir)
                                    .isNotEmpty();
                        }
                    }
                    for (JsonNode port : rule.path("ports")) {
                        assertThat(port.path("protocol").asText("TCP")).as("%s: NetworkPolicy protocol", dir).isEqualTo("TCP");
                        assertThat(port.has("endPort")).as("%s: NetworkPolicy port range", dir).isFalse();
                        admitted.add(resolvePort(container, port.path("port")));
                    }
                }
                assertThat(admitted).as("%s: the ports admitted", dir).containsExactly(HTTP_PORT, MANAGEMENT_PORT);
                assertThat(policy.path("egress").size()).as("%s: egress rules", dir).isPositive();
                Set<Integer> let = new java.util.TreeSet<>();
                for (JsonNode rule : policy.path("egress")) {
                    assertThat(rule.path("to").size()).as("%s: an egress rule without to lets out to anywhere", dir).isPositive();
                    for (JsonNode port : rule.path("ports")) {
                        let.add(port.path("port").asInt());
                    }
                    assertThat(rule.path("ports").size()).as("%s: an egress rule without ports lets out every port", dir)
                            .isPositive();
                }
                assertThat(let).as("%s: the ports %s may reach", dir, deployment.at("/metadata/name").asText())
                        .containsExactlyInAnyOrderElementsOf(out);
            }
        }
    }

    @Test
    void memoryOutsideTheHeapIsBoundedAndTheWholeBudgetFitsTheLimit() throws Exception {
        for (String layout : ALL) {
            for (JsonNode deployment : deployments(render(layout))) {
                String dir = layout + ", Deployment " + deployment.at("/metadata/name").asText();
                JsonNode container = container(deployment, dir);
                long limit = bytes(container.at("/resources/limits/memory").asText());
                Map<String, String> flags = new HashMap<>();
                for (String option : env(container, "JAVA_TOOL_OPTIONS").path("value").asText().split("\\s+")) {
                    Matcher m = Pattern.compile("-XX:(\\w+)=(\\S+)|-Xss(\\S+)").matcher(option);
                    if (m.matches()) {
                        flags.put(m.group(1) == null ? "Xss" : m.group(1), m.group(1) == null ? m.group(3) : m.group(2));
                    }
                }
                for (String flag : List.of("MaxRAMPercentage", "MaxMetaspaceSize", "ReservedCodeCacheSize",
                        "MaxDirectMemorySize", "Xss")) {
                    assertThat(flags).as("%s: JAVA_TOOL_OPTIONS must bound %s", dir, flag).containsKey(flag);
                }
                long heap = (long) (limit * Double.parseDouble(flags.get("MaxRAMPercentage")) / 100);
                long threads = 64 * bytes(flags.get("Xss")); // the service runs well under 64 threads
                long jvmOwn = 64L << 20; // GC structures, symbols, compiler arenas (NMT: about 50 MiB in all)
                long budget = heap + bytes(flags.get("MaxMetaspaceSize")) + bytes(flags.get("ReservedCodeCacheSize"))
                        + bytes(flags.get("MaxDirectMemorySize")) + threads + jvmOwn;
                // the API pods judge authors' drafts, each in a JVM of its own beside the service; the watcher, which
                // serves the watch, judges none (WatchManifestsTest gives it the API pods' heap)
                long judge = deployment.at("/metadata/name").asText().equals(API)
                        ? dev.reservewatch.engine.draft.DraftJudge.memoryBudget(
                                bytes(defaultOf(dev.reservewatch.config.RulesConfig.Drafts.class, "judgeHeap")))
                        : 0;
                assertThat(budget + judge).as("%s: heap + metaspace + code + direct + threads + the JVM's own%s must fit the %s "
                        + "limit", dir, judge > 0 ? ", and a draft's judge beside it," : "",
                        container.at("/resources/limits/memory").asText()).isLessThanOrEqualTo(limit);
            }
        }
    }

    @Test
    void theTempVolumeHoldsTheUploadsTheServiceAllowsAtOnce() throws Exception {
        long uploads = Long.parseLong(defaultOf(dev.reservewatch.config.LimitsConfig.class, "concurrentUploads"));
        long cap = bytes(applicationProperty("quarkus.http.limits.max-body-size"));
        for (String layout : ALL) {
            for (JsonNode deployment : deployments(render(layout))) {
                String dir = layout + ", Deployment " + deployment.at("/metadata/name").asText();
                JsonNode container = container(deployment, dir);
                String tmp = find(container.path("volumeMounts"), "mountPath", "/tmp").path("name").asText();
                JsonNode volume = find(deployment.at("/spec/template/spec/volumes"), "name", tmp);
                long size = bytes(volume.at("/emptyDir/sizeLimit").asText());
                assertThat(size).as("%s: /tmp must hold %d uploads of %d bytes and the JVM's scratch", dir, uploads, cap)
                        .isGreaterThanOrEqualTo(uploads * cap + (64L << 20));
            }
        }
    }

    @Test
    void everyVolumeIsOfAKindPodmanKubePlayTakes() throws Exception {
        // k8s/proof/prove.sh plays the overlays under podman kube play, which refuses other kinds (projected,
        // secret, downwardAPI): a plain configMap volume with items maps the rules as a projected one would
        Set<String> playable = Set.of("configMap", "emptyDir", "persistentVolumeClaim", "hostPath");
        for (String layout : ALL) {
            List<JsonNode> docs = render(layout);
            Map<String, String> emptyDirs = new HashMap<>();   // name -> Deployment
            for (JsonNode deployment : deployments(docs)) {
                String dir = layout + ", Deployment " + deployment.at("/metadata/name").asText();
                for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
                    List<String> kinds = new ArrayList<>();
                    volume.fieldNames().forEachRemaining(kinds::add);
                    kinds.remove("name");
                    assertThat(kinds).as("%s: volume %s must be one of %s (podman kube play takes no other)", dir,
                            volume.path("name").asText(), playable).hasSize(1).allMatch(playable::contains);
                    if (volume.has("emptyDir")) {
                        // kube play makes an emptyDir a podman volume of its name: pods of one play would share it
                        String other = emptyDirs.put(volume.path("name").asText(), deployment.at("/metadata/name").asText());
                        assertThat(other).as("%s: emptyDir %s has the name of one of %s (kube play would share it)", dir,
                                volume.path("name").asText(), other).isNull();
                    }
                }
            }
        }
    }

    @Test
    void shutdownAnswersRequestsInFlightWithinTheGracePeriod() throws Exception {
        // On SIGTERM: the delay (readiness down, still answering), then up to the timeout for requests in flight,
        // then the decision log's drain (DecisionLog.onStop waits up to 5 s for its writer); all before the
        // kubelet's SIGKILL at terminationGracePeriodSeconds.
        long drain = 5;
        String timeout = applicationProperty("quarkus.shutdown.timeout");
        assertThat(timeout).as("quarkus.shutdown.timeout must be set: without it requests in flight are cut off on SIGTERM")
                .isNotBlank();
        assertThat(applicationProperty("quarkus.shutdown.delay-enabled")).as("quarkus.shutdown.delay-enabled").isEqualTo("true");
        String delay = applicationProperty("%prod.quarkus.shutdown.delay");
        assertThat(delay).as("%prod.quarkus.shutdown.delay: time for Services to drop a stopping pod").isNotBlank();
        // The watcher then stops its alert queues: a post under way may finish for 2 s (AlertDelivery.close).
        long alerts = 2;
        for (String layout : ALL) {
            for (JsonNode deployment : deployments(render(layout))) {
                String dir = layout + ", Deployment " + deployment.at("/metadata/name").asText();
                long needed = seconds(delay) + seconds(timeout) + drain + (isWatcher(deployment) ? alerts : 0);
                JsonNode pod = deployment.at("/spec/template/spec");
                assertThat(pod.path("terminationGracePeriodSeconds").asLong(30))
                        .as("%s: terminationGracePeriodSeconds must cover the shutdown delay %s, the timeout %s, the "
                                + "decision log's %d s (and the watcher's alert queues, %d s): %d s", dir, delay, timeout, drain,
                                alerts, needed)
                        .isGreaterThanOrEqualTo(needed);
            }
        }
    }

    /** A Quarkus duration in whole seconds: 15s, 500ms, 2m, 15 (seconds) or PT15S. */
    private static long seconds(String duration) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(duration.trim());
        if (!m.matches()) {
            return java.time.Duration.parse(duration.trim()).toSeconds();
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> (n + 999) / 1000;
            case "m" -> n * 60;
            case "h" -> n * 3600;
            default -> n;
        };
    }

    /** Kubernetes and JVM sizes: 768Mi, 1Gi, 128m, 32M. */
    private static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([KMGkmg]i?)?").matcher(size.trim());
        assertThat(m.matches()).as("a size: %s", size).isTrue();
        long unit = switch (m.group(2) == null ? "" : m.group(2).substring(0, 1).toUpperCase()) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            case "G" -> 1L << 30;
            default -> 1;
        };
        return Long.parseLong(m.group(1)) * unit;
    }

    /** The {@code @WithDefault} of a config mapping's method: the one place a default is written. */
    private static String defaultOf(Class<?> mapping, String method) throws NoSuchMethodException {
        return mapping.getMethod(method).getAnnotation(io.smallrye.config.WithDefault.class).value();
    }

    private static String applicationProperty(String key) throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties.getProperty(key);
    }

    @Test
    void autoscalerScalesTheDeploymentAndProdRunsMoreThanDev() throws Exception {
        for (String dir : ALL) {
            List<JsonNode> docs = render(dir);
            JsonNode deployment = named(docs, "Deployment", API, dir);
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
        assertThat(named(render("k8s/overlays/prod"), "Deployment", API, "prod").at("/spec/replicas").asInt())
                .as("prod must run more replicas than dev")
                .isGreaterThan(named(render("k8s/overlays/dev"), "Deployment", API, "dev").at("/spec/replicas").asInt());
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

    private static JsonNode named(List<JsonNode> docs, String kind, String name, String dir) {
        List<JsonNode> found = docs.stream().filter(d -> kind.equals(d.path("kind").asText())
                && name.equals(d.at("/metadata/name").asText())).toList();
        assertThat(found).as("%s must render exactly one %s named %s", dir, kind, name).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> deployments(List<JsonNode> docs) {
        List<JsonNode> found = docs.stream().filter(d -> "Deployment".equals(d.path("kind").asText())).toList();
        assertThat(found).as("no Deployment rendered").isNotEmpty();
        return found;
    }

    /** The rules ConfigMap: reserve-watch-rules, or with kustomize's hash. */
    private static JsonNode rulesConfigMap(List<JsonNode> docs, String dir) {
        List<JsonNode> found = docs.stream().filter(d -> "ConfigMap".equals(d.path("kind").asText())
                && d.at("/metadata/name").asText().matches(RULES_CONFIGMAP + "(-[a-z0-9]+)?")).toList();
        assertThat(found).as("%s must render exactly one rules ConfigMap", dir).hasSize(1);
        return found.get(0);
    }

    /** The pod that runs the watch: the one given the FRED key. */
    private static boolean isWatcher(JsonNode deployment) {
        return !env(container(deployment, "?"), "WATCH_FRED_API_KEY").isMissingNode();
    }

    private static JsonNode container(JsonNode deployment, String dir) {
        JsonNode c = find(deployment.at("/spec/template/spec/containers"), "name", "reserve-watch");
        assertThat(c.isMissingNode()).as("%s: the Deployment has no container named reserve-watch", dir).isFalse();
        return c;
    }

    private static JsonNode env(JsonNode container, String name) {
        return find(container.path("env"), "name", name);
    }

    /** The pod's configMap volume of the rules ConfigMap. */
    private static JsonNode rulesVolume(JsonNode deployment, String dir) {
        for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
            if (rulesSource(volume).path("name").asText().startsWith(RULES_CONFIGMAP)) {
                return volume;
            }
        }
        throw new AssertionError(dir + ": no configMap volume of the ConfigMap " + RULES_CONFIGMAP);
    }

    private static JsonNode rulesSource(JsonNode volume) {
        return volume.path("configMap");
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

    private static String withoutHeapShare(String javaOptions) {
        return javaOptions.replaceAll("-XX:MaxRAMPercentage=\\S+\\s*", "").trim();
    }

    /** The JAVA_TOOL_OPTIONS the image sets, so that a container run without the manifests behaves the same. */
    private static String dockerfileJavaOptions() throws IOException {
        Matcher value = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"")
                .matcher(Files.readString(Path.of("src/main/docker/Dockerfile.jvm")));
        assertThat(value.find()).as("Dockerfile.jvm sets JAVA_TOOL_OPTIONS").isTrue();
        return value.group(1);
    }
}
