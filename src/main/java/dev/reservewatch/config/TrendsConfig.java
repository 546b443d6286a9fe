package dev.reservewatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The windows trend figures are measured over. Env: TRENDS_SHORT_DAYS, TRENDS_LONG_DAYS. */
@ConfigMapping(prefix = "trends")
public interface TrendsConfig {

    /** The short window (the rules' "...Short..." figures), in days. */
    @WithDefault("28")
    int shortDays();

    /** The long window (the rules' "...Long..." figures), in days. */
    @WithDefault("91")
    int longDays();
}
