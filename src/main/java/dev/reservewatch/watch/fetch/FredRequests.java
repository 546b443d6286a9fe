package dev.reservewatch.watch.fetch;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Pattern;

import dev.reservewatch.config.Secret;

/**
 * The one place that puts the key into a URL, and the one that takes it out again: every URL that may be logged or
 * put into a message goes through {@link #redacted}, every error text through {@link #scrub}.
 */
public final class FredRequests {

    /** FRED's keys: 32 lowercase letters and digits. */
    public static final Pattern KEY_FORMAT = Pattern.compile("[a-z0-9]{32}");

    private static final Pattern KEY_PARAMETER = Pattern.compile("(?i)(api_key=)[^&#\\s]*");
    private static final String REDACTED = "REDACTED";

    private FredRequests() {
    }

    /** {@code fred/series/observations} for one series, in JSON, oldest first, from {@code start} (null: all). */
    public static URI observations(URI base, String series, Secret key, LocalDate start, int offset, int limit) {
        StringBuilder url = new StringBuilder(root(base)).append("fred/series/observations?series_id=")
                .append(encode(series)).append("&api_key=").append(encode(key.reveal()))
                .append("&file_type=json&sort_order=asc");
        if (start != null) {
            url.append("&observation_start=").append(start);
        }
        url.append("&offset=").append(offset).append("&limit=").append(limit);
        return URI.create(url.toString());
    }

    /** The URL as it may be shown: the key's value replaced by REDACTED. */
    public static String redacted(URI uri) {
        return KEY_PARAMETER.matcher(uri.toString()).replaceAll("$1" + REDACTED);
    }

    /** {@code text} with every occurrence of the key, and any {@code api_key=} value, replaced by REDACTED. */
    public static String scrub(String text, Secret key) {
        if (text == null) {
            return null;
        }
        String scrubbed = KEY_PARAMETER.matcher(text).replaceAll("$1" + REDACTED);
        if (key != null && !key.isEmpty()) {
            scrubbed = scrubbed.replace(key.reveal(), REDACTED);
        }
        return scrubbed;
    }

    private static String root(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text : text + "/";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
