package dev.reservewatch.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The figures a market snapshot gives, each declared once, here: its field name (the contract's, units in the
 * name), unit, a real example, bounds, where the console's form puts it, and what it is. The bounds are what is
 * plausible, a few times the highest value on record (2000 on: reserves $4.3tn, the Fed's assets $9.0tn, bank
 * assets $25.7tn, ON RRP $2.6tn, SRF $153bn), so that a slip of units is refused; the shares' denominators start at
 * $1bn. Within them every figure the rules derive is finite. The snapshot's JSON and CSV, its
 * checks, the API description, the console's form and the facts the rules read are all derived from this list
 * ({@link Figures} adds what the rules derive from these). The balance-sheet policy ({@code runoff}) is an
 * object of its own beside these.
 * <p>
 * Adding a figure: a constant here, a getter of the same name on {@link Market} (FiguresTest names it if it is
 * missing), then the DRL that reads it and a scenario that pins it.
 */
public enum Input {
    RESERVE_BALANCES_BN("reserveBalancesBn", Unit.BILLIONS, 2933, Bounds.between(0, 20_000), Group.RESERVES,
            "Reserve balances with the Fed (H.4.1, WRESBAL)"),
    FED_TOTAL_ASSETS_BN("fedTotalAssetsBn", Unit.BILLIONS, 6590, Bounds.between(1, 50_000), Group.RESERVES,
            "The Fed's total assets (WALCL)"),
    TREASURY_HOLDINGS_BN("treasuryHoldingsBn", Unit.BILLIONS, 4196, Bounds.between(0, 50_000), Group.RESERVES,
            "Treasuries held outright (SOMA)"),
    MBS_HOLDINGS_BN("mbsHoldingsBn", Unit.BILLIONS, 2083, Bounds.between(0, 50_000), Group.RESERVES,
            "Mortgage-backed securities held outright (SOMA)"),
    ON_RRP_BALANCE_BN("onRrpBalanceBn", Unit.BILLIONS, 4, Bounds.between(0, 20_000), Group.ON_RRP,
            "Overnight reverse repo facility balance (RRPONTSYD)"),
    ON_RRP_PEAK_BN("onRrpPeakBn", Unit.BILLIONS, 2554, Bounds.between(0, 20_000), Group.ON_RRP,
            "Its reference peak; absent: the highest balance in the history"),
    TREASURY_GENERAL_ACCOUNT_BN("treasuryGeneralAccountBn", Unit.BILLIONS, 950, Bounds.between(0, 20_000), Group.RESERVES,
            "The Treasury's cash at the Fed, which drains reserves as it grows"),
    BANK_TOTAL_ASSETS_BN("bankTotalAssetsBn", Unit.BILLIONS, 23_300, Bounds.between(1, 200_000), Group.RESERVES,
            "Total assets of all commercial banks (H.8): the base of reserves' share"),
    IORB_PCT("iorbPct", Unit.PERCENT, 4.15, Bounds.between(-10, 100), Group.RATES,
            "Interest on reserve balances"),
    EFFR_PCT("effrPct", Unit.PERCENT, 4.11, Bounds.between(-10, 100), Group.RATES,
            "Effective federal funds rate"),
    SOFR_PCT("sofrPct", Unit.PERCENT, 4.21, Bounds.between(-10, 100), Group.RATES,
            "Secured overnight financing rate"),
    REPO_RATE_HIGH_PCT("repoRateHighPct", Unit.PERCENT, 4.35, Bounds.between(-10, 100), Group.RATES,
            "The day's highest overnight repo rate"),
    TARGET_RANGE_LOW_PCT("targetRangeLowPct", Unit.PERCENT, 4.00, Bounds.between(-10, 100), Group.RATES,
            "Bottom of the FOMC target range"),
    TARGET_RANGE_HIGH_PCT("targetRangeHighPct", Unit.PERCENT, 4.25, Bounds.between(-10, 100), Group.RATES,
            "Top of the FOMC target range"),
    LARGE_BANK_EXCESS_RESERVE_RATIO_PCT("largeBankExcessReserveRatioPct", Unit.PERCENT, 9.8, Bounds.between(0, 100),
            Group.RESERVES, "Large banks' excess reserves against their assets"),
    SMALL_BANK_EXCESS_RESERVE_RATIO_PCT("smallBankExcessReserveRatioPct", Unit.PERCENT, 8.2, Bounds.between(0, 100),
            Group.RESERVES, "Smaller banks' excess reserves against their assets"),
    SRF_TAKEUP_BN("srfTakeupBn", Unit.BILLIONS, 8.5, Bounds.between(0, 5_000), Group.FACILITIES,
            "Standing repo facility take-up (the highest day of the week)"),
    NOMINAL_GDP_BN("nominalGdpBn", Unit.BILLIONS, 30_500, Bounds.between(1, 200_000), Group.RESERVES,
            "Nominal GDP, annualised"),
    CPI_YOY_PCT("cpiYoYPct", Unit.PERCENT, 3.0, Bounds.between(-50, 100), Group.INFLATION,
            "CPI, change over a year"),
    CORE_PCE_PCT("corePcePct", Unit.PERCENT, 2.9, Bounds.between(-50, 100), Group.INFLATION,
            "Core PCE, change over a year"),
    SOFR1_PCT("sofr1Pct", Unit.PERCENT, 4.15, Bounds.between(-10, 100), Group.REPO,
            "SOFR's 1st volume percentile: 1% of the day's SOFR volume traded at or below it (SOFR1)"),
    SOFR25_PCT("sofr25Pct", Unit.PERCENT, 4.21, Bounds.between(-10, 100), Group.REPO,
            "SOFR's 25th volume percentile (SOFR25); SOFR itself is the median"),
    SOFR75_PCT("sofr75Pct", Unit.PERCENT, 4.29, Bounds.between(-10, 100), Group.REPO,
            "SOFR's 75th volume percentile (SOFR75)"),
    SOFR99_PCT("sofr99Pct", Unit.PERCENT, 4.33, Bounds.between(-10, 100), Group.REPO,
            "SOFR's 99th volume percentile: the day's dearest 1% of repo traded above it (SOFR99)"),
    TGCR_PCT("tgcrPct", Unit.PERCENT, 4.21, Bounds.between(-10, 100), Group.REPO,
            "Tri-party general collateral rate (TGCRRATE): tri-party repo alone"),
    SOFR_VOLUME_BN("sofrVolumeBn", Unit.BILLIONS, 2957, Bounds.between(0, 50_000), Group.REPO,
            "Volume of the trades behind SOFR that day (SOFRVOL)");

    /** Where the console's form puts a figure, in this order. */
    public enum Group {
        RESERVES("Reserves"), ON_RRP("ON RRP"), RATES("Rates against IORB and the range"),
        REPO("Repo market breadth"), FACILITIES("Facilities"), INFLATION("Inflation");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private static final Map<String, Input> BY_FIELD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Input::field, Function.identity()));

    private final String field;
    private final double example;
    private final Unit unit;
    private final Bounds bounds;
    private final Group group;
    private final String description;

    Input(String field, Unit unit, double example, Bounds bounds, Group group, String description) {
        this.field = field;
        this.example = example;
        this.unit = unit;
        this.bounds = bounds;
        this.group = group;
        this.description = description;
    }

    /** The field's name in a snapshot's JSON and a series' CSV header. */
    public String field() {
        return field;
    }

    /**
     * A real value of the figure (the week of 2025-10-22, FRED and the article): the API description's example, and
     * the figure of the sample snapshot every new ruleset is tried on.
     */
    public double example() {
        return example;
    }

    public Unit unit() {
        return unit;
    }

    public Bounds bounds() {
        return bounds;
    }

    public Group group() {
        return group;
    }

    public String description() {
        return description;
    }

    /** The input a field name names, if any. */
    public static Optional<Input> byField(String field) {
        return Optional.ofNullable(BY_FIELD.get(field));
    }
}
