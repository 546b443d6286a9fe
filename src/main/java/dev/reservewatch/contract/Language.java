package dev.reservewatch.contract;

/**
 * The languages the text meant for people is written in (a verdict's explanation, messages, rationales and watchlist
 * projections; alerts' text). Codes, field names, rule names and numbers are the same in every language.
 */
public enum Language {
    EN("en"),
    ZH("zh");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The language's tag, as {@code Content-Language} and {@code ?lang=} write it. */
    public String tag() {
        return tag;
    }

    /** The language a setting names ({@code en} or {@code zh}, any case); English for anything else. */
    public static Language named(String name) {
        return name != null && name.trim().equalsIgnoreCase("zh") ? ZH : EN;
    }
}
