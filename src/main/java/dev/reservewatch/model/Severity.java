package dev.reservewatch.model;

/** How loudly a signal speaks: a calm reading, something to watch, stress, or acute stress. */
public enum Severity {
    INFO("提示"), WARN("关注"), HIGH("高"), CRITICAL("严重");

    private final String chineseName;

    Severity(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The severity's name in Chinese texts. */
    public String chineseName() {
        return chineseName;
    }
}
