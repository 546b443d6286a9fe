package dev.reservewatch.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reservewatch.watch.alert.AlertDelivery;
import dev.reservewatch.watch.alert.AlertEvent;
import dev.reservewatch.watch.alert.Webhook;
import dev.reservewatch.watch.fetch.Backoff;

/** Delivery: each event once, to every webhook, in its shape; retried while a receiver is down; kept across restarts. */
class AlertDeliveryTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    WebhookReceiver receiver;
    final List<AlertDelivery> deliveries = new ArrayList<>();
    final List<String> reported = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        deliveries.forEach(AlertDelivery::close);
        receiver.close();
    }

    AlertDelivery delivery(Duration giveUpAfter, String... urls) {
        AlertDelivery delivery = new AlertDelivery(dir, Webhook.parse(List.of(urls)), HttpClient.newHttpClient(),
                Clock.systemUTC(), new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), () -> 0.5), giveUpAfter,
                new AlertDelivery.Listener() {
                    @Override
                    public void sent(Webhook webhook) {
                        reported.add("sent " + webhook.label());
                    }

                    @Override
                    public void failed(Webhook webhook) {
                        reported.add("failed " + webhook.label());
                    }

                    @Override
                    public void dropped(Webhook webhook, String reason) {
                        reported.add("dropped " + webhook.label() + " " + reason);
                    }
                });
        deliveries.add(delivery);
        delivery.start();
        return delivery;
    }

    AlertDelivery delivery() {
        return delivery(Duration.ofHours(1), receiver.url("/hook").toString());
    }

    static AlertEvent event(String subject) {
        return new AlertEvent(AlertEvent.idOf(AlertEvent.Event.DATA_STALE, subject), AlertEvent.Event.DATA_STALE,
                LocalDate.of(2025, 10, 20), null, null, null, null, null, null, List.of(subject), null, null,
                "Data is stale: " + subject + ".");
    }

    @Test
    void postsEachAlertAsJsonWithItsIdAsIdempotencyKey() throws Exception {
        AlertDelivery delivery = delivery();
        AlertEvent stale = event("WRESBAL");
        assertThat(delivery.take(List.of(stale), null, null)).containsExactly(stale);
        List<WebhookReceiver.Received> received = receiver.await(1, Duration.ofSeconds(5));
        assertThat(received).hasSize(1);
        JsonNode body = JSON.readTree(received.get(0).body());
        assertThat(body.path("id").asText()).isEqualTo(stale.id());
        assertThat(body.path("event").asText()).isEqualTo("DATA_STALE");
        assertThat(body.path("asOf").asText()).isEqualTo("2025-10-20");
        assertThat(body.path("series").get(0).asText()).isEqualTo("WRESBAL");
        assertThat(fieldNames(body)).containsExactly("id", "event", "asOf", "regime", "previousRegime", "actions",
                "previousActions", "signals", "watch", "series", "decisionId", "rulesetVersion", "text");
        assertThat(received.get(0).idempotencyKey()).isEqualTo(stale.id());
        assertThat(delivery.recent()).containsExactly(stale);
    }

    @Test
    void aSlackWebhookGetsAMessage() throws Exception {
        AlertDelivery delivery = delivery(Duration.ofHours(1), "slack:" + receiver.url("/services/T000/B000/XXXX"));
        delivery.take(List.of(event("WRESBAL")), null, null);
        JsonNode body = JSON.readTree(receiver.await(1, Duration.ofSeconds(5)).get(0).body());
        assertThat(fieldNames(body)).containsExactly("text");
        assertThat(body.path("text").asText()).isEqualTo("*Reserve Watch: DATA_STALE* (2025-10-20)\nData is stale: WRESBAL.");
    }

    @Test
    void takesEachEventOnceEvenAfterARestart() throws Exception {
        AlertDelivery delivery = delivery();
        delivery.take(List.of(event("WRESBAL")), LocalDate.of(2025, 10, 15), null);
        assertThat(delivery.take(List.of(event("WRESBAL"), event("EFFR")), null, null)).extracting(AlertEvent::series)
                .containsExactly(List.of("EFFR"));
        receiver.await(2, Duration.ofSeconds(5));
        delivery.close();

        AlertDelivery restarted = delivery();
        assertThat(restarted.take(List.of(event("WRESBAL"), event("EFFR")), null, null)).isEmpty();
        assertThat(restarted.lastWeek()).isEqualTo(LocalDate.of(2025, 10, 15));
        Thread.sleep(200);
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void aWebhookThatIsDownGetsTheAlertOnceItIsBack() throws Exception {
        receiver.down(true);
        AlertDelivery delivery = delivery();
        delivery.take(List.of(event("WRESBAL")), null, null);
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (receiver.refused() < 3 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(receiver.refused()).isGreaterThanOrEqualTo(3);
        assertThat(delivery.pending()).containsValue(1);
        receiver.down(false);
        assertThat(receiver.await(1, Duration.ofSeconds(5))).hasSize(1);
        Thread.sleep(200);
        assertThat(receiver.received()).as("once").hasSize(1);
        assertThat(reported).contains("failed 1-127.0.0.1", "sent 1-127.0.0.1").doesNotContain("dropped 1-127.0.0.1 expired");
        assertThat(delivery.pending()).containsValue(0);
    }

    @Test
    void pendingAlertsSurviveARestart() throws Exception {
        receiver.down(true);
        AlertDelivery delivery = delivery();
        delivery.take(List.of(event("WRESBAL")), null, null);
        delivery.close();
        receiver.down(false);
        delivery();
        assertThat(receiver.await(1, Duration.ofSeconds(5))).hasSize(1);
    }

    @Test
    void aRefusalIsNotRetriedAndALongOutageIsGivenUp() throws Exception {
        receiver.refuse(400);
        AlertDelivery delivery = delivery(Duration.ofMillis(300), receiver.url("/hook").toString());
        delivery.take(List.of(event("WRESBAL")), null, null);
        awaitReported("dropped 1-127.0.0.1 rejected");
        assertThat(receiver.refused()).isEqualTo(1);

        receiver.down(true);
        receiver.refuse(503);
        delivery.take(List.of(event("EFFR")), null, null);
        awaitReported("dropped 1-127.0.0.1 expired");
        assertThat(delivery.pending()).containsValue(0);
    }

    @Test
    void oneWebhookDownHoldsUpNoOther() throws Exception {
        try (WebhookReceiver other = new WebhookReceiver()) {
            other.down(true);
            AlertDelivery delivery = delivery(Duration.ofHours(1), other.url("/a").toString(), receiver.url("/b").toString());
            delivery.take(List.of(event("WRESBAL"), event("EFFR")), null, null);
            assertThat(receiver.await(2, Duration.ofSeconds(5))).hasSize(2);
            assertThat(other.received()).isEmpty();
        }
    }

    @Test
    void leavesOutEntriesThatAreNoHttpUrl() {
        assertThat(Webhook.parse(List.of("https://hooks.example.com/x", "ftp://example.com/x", "not a url", " ",
                "slack:https://hooks.slack.com/services/T/B/C"))).extracting(Webhook::label, Webhook::slack)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1-hooks.example.com", false),
                        org.assertj.core.groups.Tuple.tuple("4-hooks.slack.com", true));
    }

    private void awaitReported(String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!reported.contains(what) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(reported).contains(what);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
