package dev.reservewatch.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The watch: the service fetches FRED's series itself, keeps them in {@code data-dir}, and tells webhooks when
 * the verdict or the data turns. Off without a FRED key. Env: WATCH_FRED_API_KEY, WATCH_WEBHOOK_URLS, ...
 */
@ConfigMapping(prefix = "watch")
public interface WatchConfig {

    /** Where and how FRED is asked. */
    Fred fred();

    /**
     * When to fetch, as a Quartz-style cron (seconds first) in {@code watch.time-zone}; a fetch also runs at
     * start-up. The default, 9:15 and 17:15 New York time every day, is after the morning's rates (EFFR, SOFR) and
     * after the H.4.1 balance sheet (Thursdays 4:30 p.m.).
     */
    @WithDefault("0 15 9,17 * * ?")
    String schedule();

    /** The time zone of {@code watch.schedule}, and of "today" when the watch decides whether data is stale. */
    @WithDefault("America/New_York")
    String timeZone();

    /**
     * Folder of the fetched observations, one FRED-style CSV per series ({@code SERIES.csv}, header
     * {@code observation_date,SERIES}), and of the watch's own state (fetch-state.json, alerts.json, watch.lock);
     * relative to the working directory. Only one watcher may use a folder: the others wait (watch.lock).
     */
    @WithDefault("watch-data")
    Path dataDir();

    /**
     * Webhooks that get every alert, comma-separated: each is POSTed the alert as JSON, or, for a URL written
     * {@code slack:https://hooks.slack.com/...}, as a Slack incoming-webhook message. The URLs are secrets too:
     * logs and metrics name a webhook by its number and host only.
     */
    Optional<List<String>> webhookUrls();

    /** After a fetch in which a series failed, how soon the failed series are tried again (before the next schedule). */
    @WithDefault("30m")
    Duration retryAfterFailure();

    /** What raises an alert, and in which language it is written. */
    Alerts alerts();

    /** FRED's API. */
    interface Fred {

        /**
         * The FRED API key (32 lowercase letters and digits). Unset, the watch is off and nothing leaves the machine.
         * Never logged, never in an answer, a metric, a problem or an alert.
         */
        Optional<Secret> apiKey();

        /** The root of FRED's API: FRED itself, a mirror, or a test server. Only ever from configuration. */
        @WithDefault("https://api.stlouisfed.org")
        URI baseUrl();

        /**
         * How far before a series' last kept observation each fetch starts again, in days: values revised within it
         * replace the kept ones.
         */
        @WithDefault("60")
        int lookBackDays();

        /** Longest wait for a connection to FRED. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest wait for one answer from FRED, once connected. */
        @WithDefault("30s")
        Duration timeout();

        /** Tries per series and fetch, the first included, with backoff and jitter between them (429's Retry-After honoured). */
        @WithDefault("4")
        int attempts();

        /** Requests a second at most, shared by all series (FRED counts per key). */
        @WithDefault("2")
        int requestsPerSecond();

        /** Requests a minute at most, shared by all series. */
        @WithDefault("120")
        int requestsPerMinute();
    }

    /** Alerts. */
    interface Alerts {

        /** A trigger projected to cross within this many weeks raises {@code TRIGGER_NEAR}. */
        @WithDefault("4")
        int weeksToCross();

        /** The language of each alert's {@code text}: {@code en} or {@code zh}. */
        @WithDefault("en")
        String language();

        /** Fetches in a row in which a series failed before {@code FETCH_FAILING} is raised for it. */
        @WithDefault("2")
        int failedFetches();

        /** How long an alert is retried while a webhook is down before it is given up (and counted as dropped). */
        @WithDefault("72h")
        Duration giveUpAfter();
    }
}
