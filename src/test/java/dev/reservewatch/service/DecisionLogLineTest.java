package dev.reservewatch.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class DecisionLogLineTest {

    @Test
    void putsValidJsonOnOneLineWithoutChangingItsValue() throws Exception {
        String sent = "\uFEFF{\r\n\t\"note\": \"two\\nlines \\r\\n escaped\",\n  \"n\": [1,\n 2]\n}\n";
        String line = DecisionLog.oneLine(sent.getBytes(StandardCharsets.UTF_8));
        assertThat(line).doesNotContain("\n", "\r", "\uFEFF");
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(line)).isEqualTo(mapper.readTree(sent.substring(1)));
        assertThat(mapper.readTree(line).get("note").asText()).isEqualTo("two\nlines \r\n escaped");
    }

    @Test
    void keepsMultiByteCharacters() throws Exception {
        String sent = "{\"label\": \"réserves €\"}";
        assertThat(DecisionLog.oneLine(sent.getBytes(StandardCharsets.UTF_8))).isEqualTo(sent);
    }
}
