package dev.reservewatch.service;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.reservewatch.model.Bounds;
import dev.reservewatch.model.Input;
import dev.reservewatch.model.Unit;

/**
 * The FRED series the import understands: the snapshot field each feeds, how its unit converts, how a weekly
 * point reads it, and when a figure is published, so that a point sees only what was known on its day.
 * <p>
 * Publication lags, in days after the date an observation describes: the ON RRP balance, the standing repo
 * operations, IORB and the target range are known the same day; EFFR and SOFR the next business morning
 * (taken as 1 day); the Fed's weekly balance sheet (H.4.1: reserves, assets, holdings, the Treasury's account)
 * describes a Wednesday and comes out the next day; the commercial banks' balance sheet (H.8) describes a
 * Wednesday and comes out the Friday of the following week (9 days); monthly price indexes count from some days
 * after the month they describe ends: CPI 14 (BLS, mid-month), core PCE 30 (BEA, end of the next month).
 * <p>
 * SOFR's volume percentiles and volume (SOFR1, SOFR25, SOFR75, SOFR99, SOFRVOL) and the tri-party rates (TGCRRATE,
 * BGCRRATE) come from the New York Fed the next business morning, like SOFR. Where two series feed one figure, the
 * first listed here that has a figure for the point wins: the Treasury's account as the week's average (WTREGEN),
 * else its Wednesday level (WDTGAL); TGCR, else BGCR (within 1bp of it every day).
 * <p>
 * IOER (interest on excess reserves) stands in for IORB before IORB replaced it on 2021-07-29. RPONTTLD, the
 * Fed's overnight repo operations, is read as standing repo facility take-up only from 2021-07-28, when the
 * facility became standing; earlier operations were the Desk's own, not banks' take-up.
 */
public enum FredSeries {
    RRPONTSYD(Input.ON_RRP_BALANCE_BN, 1, Reading.LATEST, Schedule.DAILY, 0),
    WRESBAL(Input.RESERVE_BALANCES_BN, 0.001, Reading.LATEST, Schedule.WEEKLY, 1),
    WALCL(Input.FED_TOTAL_ASSETS_BN, 0.001, Reading.LATEST, Schedule.WEEKLY, 1),
    TREAST(Input.TREASURY_HOLDINGS_BN, 0.001, Reading.LATEST, Schedule.WEEKLY, 1),
    WSHOMCB(Input.MBS_HOLDINGS_BN, 0.001, Reading.LATEST, Schedule.WEEKLY, 1),
    WTREGEN(Input.TREASURY_GENERAL_ACCOUNT_BN, 0.001, Reading.LATEST, Schedule.WEEKLY, 1),
    TLAACBW027SBOG(Input.BANK_TOTAL_ASSETS_BN, 1, Reading.LATEST, Schedule.WEEKLY, 9),
    EFFR(Input.EFFR_PCT, 1, Reading.LATEST, Schedule.DAILY, 1),
    SOFR(Input.SOFR_PCT, 1, Reading.LATEST, Schedule.DAILY, 1),
    IORB(Input.IORB_PCT, 1, Reading.LATEST, Schedule.DAILY, 0),
    IOER(Input.IORB_PCT, 1, Reading.LATEST, Schedule.ON_CHANGE, 0),
    DFEDTARL(Input.TARGET_RANGE_LOW_PCT, 1, Reading.LATEST, Schedule.DAILY, 0),
    DFEDTARU(Input.TARGET_RANGE_HIGH_PCT, 1, Reading.LATEST, Schedule.DAILY, 0),
    RPONTTLD(Input.SRF_TAKEUP_BN, 1, Reading.WEEK_HIGH, Schedule.DAILY, 0),
    CPIAUCSL(Input.CPI_YOY_PCT, 1, Reading.YEAR_ON_YEAR, Schedule.MONTHLY, 14),
    PCEPILFE(Input.CORE_PCE_PCT, 1, Reading.YEAR_ON_YEAR, Schedule.MONTHLY, 30),
    SOFR1(Input.SOFR1_PCT, 1, Reading.SAME_DAY_AS_SOFR, Schedule.DAILY, 1),
    SOFR25(Input.SOFR25_PCT, 1, Reading.SAME_DAY_AS_SOFR, Schedule.DAILY, 1),
    SOFR75(Input.SOFR75_PCT, 1, Reading.SAME_DAY_AS_SOFR, Schedule.DAILY, 1),
    SOFR99(Input.SOFR99_PCT, 1, Reading.SAME_DAY_AS_SOFR, Schedule.DAILY, 1),
    SOFRVOL(Input.SOFR_VOLUME_BN, 1, Reading.SAME_DAY_AS_SOFR, Schedule.DAILY, 1),
    TGCRRATE(Input.TGCR_PCT, 1, Reading.ORDINARY_DAYS_MEDIAN, Schedule.DAILY, 1),
    BGCRRATE(Input.TGCR_PCT, 1, Reading.ORDINARY_DAYS_MEDIAN, Schedule.DAILY, 1),
    WDTGAL(Input.TREASURY_GENERAL_ACCOUNT_BN, 0.001, Reading.LATEST, Schedule.WEEKLY, 1);

    private static final Bounds INDEX_LEVELS = Bounds.between(1, 100_000);

    /** The day the standing repo facility began: RPONTTLD counts as its take-up from then. */
    public static final LocalDate STANDING_REPO_FROM = LocalDate.of(2021, 7, 28);

    /** How a weekly point reads a series. */
    public enum Reading {
        /** The latest figure published by the point's day. */
        LATEST,
        /** The highest daily figure published in the seven days to the point's day: a spike between points stays. */
        WEEK_HIGH,
        /** A monthly index as its change on the same month a year earlier, in %, once the month is published. */
        YEAR_ON_YEAR,
        /**
         * The figure of the day whose SOFR the point reads, or none: SOFR's percentiles and volume describe that
         * day's distribution, and percentiles of different days set against one SOFR need not be in order.
         */
        SAME_DAY_AS_SOFR,
        /**
         * The median of the week's figures on ordinary days (not a month's last or first business day or a quarterly
         * tax date, which carry premiums) on which IORB stood where it stands on the point's day; without such a day,
         * the median of the week's days at that IORB.
         */
        ORDINARY_DAYS_MEDIAN
    }

    /** How often a series is observed: what the date of an observation stands for, and when it goes stale. */
    public enum Schedule {
        /** A business day; older than two weeks, it no longer describes the point. */
        DAILY(14),
        /** A Wednesday; older than three weeks (a holiday may delay a release), it no longer describes the point. */
        WEEKLY(21),
        /** A month, dated its first day; the latest published stays the latest known for four months. */
        MONTHLY(120),
        /** A step change that holds until the next. */
        ON_CHANGE(Integer.MAX_VALUE);

        private final int staleAfterDays;

        Schedule(int staleAfterDays) {
            this.staleAfterDays = staleAfterDays;
        }

        public int staleAfterDays() {
            return staleAfterDays;
        }
    }

    private final Input input;
    private final double scale;
    private final Reading reading;
    private final Schedule schedule;
    private final int lagDays;

    FredSeries(Input input, double scale, Reading reading, Schedule schedule, int lagDays) {
        this.input = input;
        this.scale = scale;
        this.reading = reading;
        this.schedule = schedule;
        this.lagDays = lagDays;
    }

    /** The snapshot figure this series feeds. */
    public Input input() {
        return input;
    }

    /** Multiplier from FRED's unit to the field's (millions of dollars to billions: 0.001). */
    public double scale() {
        return scale;
    }

    public Reading reading() {
        return reading;
    }

    public Schedule schedule() {
        return schedule;
    }

    /** Days from the date an observation describes (a monthly one: the month's last day) to its publication. */
    public int lagDays() {
        return lagDays;
    }

    /**
     * The values a row may hold, in the field's unit (after {@link #scale()}): the field's bounds, or for a monthly
     * price index (read as its change on a year), index levels from 1 to 100,000 (CPI: 182 in 2003, 333 in 2026).
     */
    public Bounds bounds() {
        return reading == Reading.YEAR_ON_YEAR ? INDEX_LEVELS : input.bounds();
    }

    /** How FRED gives the series' values: {@code "in millions of dollars, read as $bn"}, {@code "(index level)"}. */
    String unitName() {
        if (reading == Reading.YEAR_ON_YEAR) {
            return "(an index level)";
        }
        return input.unit() == Unit.BILLIONS ? (scale == 1 ? "($bn)" : "($bn, read from FRED's millions of dollars)")
                : "(" + input.unit().symbol() + ")";
    }

    /** The day an observation of this date is published, and from which a point may see it. */
    public LocalDate publishedOn(LocalDate observed) {
        LocalDate described = schedule == Schedule.MONTHLY ? observed.with(TemporalAdjusters.lastDayOfMonth()) : observed;
        return described.plusDays(lagDays);
    }

    public static Optional<FredSeries> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
