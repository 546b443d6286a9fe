package dev.reservewatch.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request size limits; each answers 413 problem+json when exceeded. */
@ConfigMapping(prefix = "limits")
public interface LimitsConfig {

    /** Largest body {@code POST /verdicts} accepts. */
    @WithDefault("1M")
    MemorySize verdictBody();

    /** Largest body {@code POST /verdicts/series} and {@code POST /backtests/fred} accept. */
    @WithDefault("16M")
    MemorySize seriesBody();

    /** Most points one series may hold (413 above). */
    @WithDefault("10000")
    int seriesPoints();

    /** Largest body {@code POST /rules/validate} and {@code PUT /rules/files/{name}} accept. */
    @WithDefault("1M")
    MemorySize validateBody();

    /**
     * FRED uploads read at the same time (429 beyond). Uploads are spooled to the temp folder as they arrive,
     * so it holds at most this many bodies of up to {@code quarkus.http.limits.max-body-size}.
     */
    @WithDefault("2")
    int concurrentUploads();
}
