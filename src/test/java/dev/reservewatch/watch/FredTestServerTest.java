package dev.reservewatch.watch;

import static dev.reservewatch.watch.WatchFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The FRED test server answers as FRED does (live-data-apis.md): its envelope, its errors, its values, its calendar. */
class FredTestServerTest {

    static final LocalDate TODAY = LocalDate.of(2025, 10, 2);   // a Thursday: the H.4.1 of 10-01 is out
    static FredTestServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = WatchFixtures.server(TODAY);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<String> get(String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/fred/series/observations?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersFredsEnvelopeWithValuesAsStrings() throws Exception {
        HttpResponse<String> answer = get("series_id=WALCL&api_key=" + KEY + "&file_type=json&sort_order=desc&limit=3");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("{\"realtime_start\":\"2025-10-02\",\"realtime_end\":\"2025-10-02\","
                + "\"observation_start\":\"1600-01-01\",\"observation_end\":\"9999-12-31\",\"units\":\"lin\","
                + "\"output_type\":1,\"file_type\":\"json\",\"order_by\":\"observation_date\",\"sort_order\":\"desc\","
                + "\"count\":");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("count").asInt()).as("all rows, not the page").isGreaterThan(1000);
        assertThat(body.path("limit").asInt()).isEqualTo(3);
        JsonNode rows = body.path("observations");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).path("date").asText()).as("Wednesday's balance sheet, out Thursday").isEqualTo("2025-10-01");
        assertThat(rows.get(0).path("realtime_start").asText()).isEqualTo("2025-10-02");
        assertThat(rows.get(0).path("value").isTextual()).isTrue();
        assertThat(rows.findValuesAsText("value")).as("number text with varying decimals, as FRED writes it")
                .anyMatch(v -> v.contains(".")).allMatch(v -> v.matches("\\d+(\\.\\d+)?"));
    }

    @Test
    void writesDotsForDaysWithoutAValueAndHidesWhatIsNotPublishedYet() throws Exception {
        JsonNode body = JSON.readTree(get("series_id=EFFR&api_key=" + KEY + "&file_type=json"
                + "&observation_start=2025-09-01&observation_end=2025-10-02").body());
        assertThat(body.at("/observations/0/date").asText()).isEqualTo("2025-09-01");
        assertThat(body.at("/observations/0/value").asText()).as("Labor Day").isEqualTo(".");
        assertThat(body.path("observations").get(body.path("observations").size() - 1).path("date").asText())
                .as("EFFR of a day is out the next morning").isEqualTo("2025-10-01");
        server.today(TODAY.minusDays(1));
        try {
            JsonNode earlier = JSON.readTree(get("series_id=WRESBAL&api_key=" + KEY + "&file_type=json&sort_order=desc"
                    + "&limit=1").body());
            assertThat(earlier.at("/observations/0/date").asText()).isEqualTo("2025-09-24");
        } finally {
            server.today(TODAY);
        }
    }

    @Test
    void pagesByOffsetAndLimit() throws Exception {
        JsonNode all = JSON.readTree(get("series_id=SOFR&api_key=" + KEY + "&file_type=json&observation_start=2025-09-01").body());
        JsonNode page = JSON.readTree(get("series_id=SOFR&api_key=" + KEY + "&file_type=json&observation_start=2025-09-01"
                + "&offset=5&limit=4").body());
        assertThat(page.path("count").asInt()).isEqualTo(all.path("count").asInt());
        assertThat(page.path("offset").asInt()).isEqualTo(5);
        assertThat(page.path("observations")).hasSize(4);
        assertThat(page.at("/observations/0/date").asText()).isEqualTo(all.at("/observations/5/date").asText());
    }

    @Test
    void refusesAsFredDoesWordForWord() throws Exception {
        assertThat(get("series_id=WALCL&file_type=json").body()).isEqualTo("{\"error_code\":400,\"error_message\":"
                + "\"Bad Request.  Variable api_key is not set.  Read https://fred.stlouisfed.org/docs/api/api_key.html"
                + " for more information.\"}");
        HttpResponse<String> unregistered = get("series_id=WALCL&file_type=json&api_key=ffffffffffffffffffffffffffffffff");
        assertThat(unregistered.statusCode()).isEqualTo(400);
        assertThat(unregistered.body()).isEqualTo("{\"error_code\":400,\"error_message\":\"Bad Request.  The value for "
                + "variable api_key is not registered.  Read https:\\/\\/fred.stlouisfed.org\\/docs\\/api\\/api_key.html "
                + "for more information.\"}");
        assertThat(get("series_id=WALCL&file_type=json&api_key=NOT-A-KEY").body()).contains("32 character");
        assertThat(get("series_id=GDPX&file_type=json&api_key=" + KEY).body())
                .isEqualTo("{\"error_code\":400,\"error_message\":\"Bad Request.  The series does not exist.\"}");
        assertThat(get("series_id=WALCL&file_type=json&api_key=" + KEY + "&realtime_end=2026-01-01").body())
                .contains("Bad Request.  Variable realtime_end can not be after today's date (2025-10-02) unless it's "
                        + "equal to the real-time max date 9999-12-31.");
        assertThat(get("series_id=WALCL&file_type=json&api_key=" + KEY + "&limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void writesOneNumberInDifferentStylesOnDifferentRows() {
        assertThat(FredTestServer.styled("6743028", LocalDate.ofEpochDay(0))).isEqualTo("6743028");
        assertThat(FredTestServer.styled("6743028", LocalDate.ofEpochDay(1))).isEqualTo("6743028.0000");
        assertThat(FredTestServer.styled("6743028", LocalDate.ofEpochDay(2))).isEqualTo("6743028.0");
        assertThat(FredTestServer.styled("6743028", LocalDate.ofEpochDay(3))).isEqualTo("6743028.0000000000");
        assertThat(FredTestServer.styled("4.30", LocalDate.ofEpochDay(2))).isEqualTo("4.3");
    }
}
