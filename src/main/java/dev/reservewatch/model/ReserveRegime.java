package dev.reservewatch.model;

/**
 * How plentiful bank reserves are, from most to least plentiful. {@link #UNKNOWN} when the inputs
 * are too thin for any regime rule to decide.
 */
public enum ReserveRegime {
    ABUNDANT("充裕"), AMPLE("充足"), TIGHTENING("趋紧"), SCARCE("稀缺"), UNKNOWN("无法判定");

    private final String chineseName;

    ReserveRegime(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The regime's name in Chinese texts (the code stays beside it): 稀缺（SCARCE）. */
    public String chineseName() {
        return chineseName;
    }
}
