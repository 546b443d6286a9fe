package dev.reservewatch.watch.alert;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;

/**
 * A receiver of alerts, from {@code watch.webhook-urls}: a URL that gets each alert as JSON, or, written
 * {@code slack:https://...}, a Slack incoming webhook that gets it as a message. Its URL may hold a secret (Slack's
 * do), so logs and metrics name it by {@link #label()} (its number in the list and its host), and the outbox kept on
 * disk by {@link #key()} (a digest of the URL).
 */
public record Webhook(int number, URI uri, boolean slack) {

    private static final Logger LOG = Logger.getLogger(Webhook.class);
    static final String SLACK = "slack:";

    /** Number and host: what logs and metrics show. */
    public String label() {
        return number + "-" + uri.getHost();
    }

    /** A digest of the URL and the shape: what the outbox on disk is keyed by. */
    public String key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(((slack ? SLACK : "") + uri).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "Webhook[" + label() + (slack ? ", slack" : "") + "]";
    }

    /** The webhooks of the setting, numbered from 1; an entry that is not an http(s) URL is left out, with a warning. */
    public static List<Webhook> parse(List<String> entries) {
        List<Webhook> webhooks = new ArrayList<>();
        int number = 0;
        for (String entry : entries) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            number++;
            boolean slack = text.regionMatches(true, 0, SLACK, 0, SLACK.length());
            String url = slack ? text.substring(SLACK.length()).strip() : text;
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                LOG.errorf("Webhook %d is left out: it is not a URL", number);
                continue;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                LOG.errorf("Webhook %d is left out: it is not an http(s) URL with a host", number);
                continue;
            }
            webhooks.add(new Webhook(number, uri, slack));
        }
        return webhooks;
    }
}
