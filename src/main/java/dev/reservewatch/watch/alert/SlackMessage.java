package dev.reservewatch.watch.alert;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.reservewatch.watch.store.JsonFiles;

/** An alert as a Slack incoming-webhook message: {@code {"text": "..."}}, the event and week in bold first. */
final class SlackMessage {

    private SlackMessage() {
    }

    static byte[] of(AlertEvent alert) throws JsonProcessingException {
        String text = "*Reserve Watch: " + alert.event() + "* (" + alert.asOf() + ")\n" + escape(alert.text());
        return JsonFiles.MAPPER.writeValueAsBytes(Map.of("text", text));
    }

    /** Slack's three control characters in message text. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
