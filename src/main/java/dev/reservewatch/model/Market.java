package dev.reservewatch.model;

import static dev.reservewatch.model.Input.BANK_TOTAL_ASSETS_BN;
import static dev.reservewatch.model.Input.CORE_PCE_PCT;
import static dev.reservewatch.model.Input.CPI_YOY_PCT;
import static dev.reservewatch.model.Input.EFFR_PCT;
import static dev.reservewatch.model.Input.FED_TOTAL_ASSETS_BN;
import static dev.reservewatch.model.Input.IORB_PCT;
import static dev.reservewatch.model.Input.LARGE_BANK_EXCESS_RESERVE_RATIO_PCT;
import static dev.reservewatch.model.Input.MBS_HOLDINGS_BN;
import static dev.reservewatch.model.Input.NOMINAL_GDP_BN;
import static dev.reservewatch.model.Input.ON_RRP_BALANCE_BN;
import static dev.reservewatch.model.Input.ON_RRP_PEAK_BN;
import static dev.reservewatch.model.Input.REPO_RATE_HIGH_PCT;
import static dev.reservewatch.model.Input.RESERVE_BALANCES_BN;
import static dev.reservewatch.model.Input.SMALL_BANK_EXCESS_RESERVE_RATIO_PCT;
import static dev.reservewatch.model.Input.SOFR1_PCT;
import static dev.reservewatch.model.Input.SOFR25_PCT;
import static dev.reservewatch.model.Input.SOFR75_PCT;
import static dev.reservewatch.model.Input.SOFR99_PCT;
import static dev.reservewatch.model.Input.SOFR_PCT;
import static dev.reservewatch.model.Input.SOFR_VOLUME_BN;
import static dev.reservewatch.model.Input.SRF_TAKEUP_BN;
import static dev.reservewatch.model.Input.TARGET_RANGE_HIGH_PCT;
import static dev.reservewatch.model.Input.TARGET_RANGE_LOW_PCT;
import static dev.reservewatch.model.Input.TGCR_PCT;
import static dev.reservewatch.model.Input.TREASURY_GENERAL_ACCOUNT_BN;
import static dev.reservewatch.model.Input.TREASURY_HOLDINGS_BN;
import static dev.reservewatch.model.Measures.sharePct;
import static dev.reservewatch.model.Measures.spreadBp;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The fact the rules see: a snapshot's figures plus the figures derived from them, computed once here so that
 * every rule reads the same number. A {@code null} figure is unknown; a constraint on it never matches, so no rule
 * fires on a guess. Every figure is declared in {@link Figures} (the snapshot's in {@link Input}); the window maths
 * is in {@link Trends}, the calendar in {@link PeriodEnds}.
 */
public final class Market {

    private final LocalDate asOf;
    private final int daysToMonthEnd;
    private final boolean periodEndWeek;
    /** The snapshot's figures, by {@link Input#ordinal()}. */
    private final Double[] inputs;
    private final Double onRrpPeakBn;
    private final Boolean runoffActive;
    private final Boolean purchasesActive;
    private final Double runoffTreasuryCapBn;
    private final Double runoffMbsCapBn;

    private final Double effrIorbSpreadBp;
    private final Double sofrIorbSpreadBp;
    private final Double reservesToAssetsPct;
    private final Double reservesToGdpPct;
    private final Double reservesToBankAssetsPct;
    private final Double reservesToBankAssetsAvgShortPct;
    private final Double balanceSheetToGdpPct;
    private final Double onRrpDrawdownPct;
    private final Double repoAboveCeilingBp;
    private final Double sofrAboveCeilingBp;
    private final Double sofrAboveCeilingPriorHighBp;
    private final Double srfTakeupPriorHighBn;

    private final Double effrIorbSpreadAvgShortBp;
    private final Double sofrIorbSpreadAvgShortBp;
    private final Double effrIorbSpreadChangeShortBp;
    private final Double effrIorbSpreadChangeLongBp;
    private final Double sofrIorbSpreadChangeShortBp;
    private final Double sofrIorbSpreadChangeLongBp;
    private final Double reservesChangeShortBn;
    private final Double reservesChangeLongBn;
    private final Double reservesToAssetsChangeShortPct;
    private final Double reservesToAssetsChangeLongPct;
    private final Double onRrpDrawdownShortPct;
    private final Double onRrpDrawdownLongPct;

    private final Double repoVolumeAtOrAboveIorbPct;
    private final Double repoVolumeAtOrAboveIorbAvgShortPct;
    private final Double tgcrIorbSpreadBp;
    private final Double tgcrIorbSpreadAvgShortBp;
    private final Double srfRoutineWeeks;
    private final Double reserveDemandSlopeBpPerPp;
    private final Double reserveDemandSlopeT;

    private final Double sofrIorbSpreadHeldBp;
    private final Double reservesToBankAssetsHeldPct;
    private final Double onRrpBalanceHeldBn;
    private final Double onRrpDrawdownHeldPct;
    private final Double reserveDemandSlopeHeldBpPerPp;
    private final Double reserveDemandSlopeHeldT;

    private Market(Observation s, History history, TrendWindows windows) {
        asOf = Objects.requireNonNull(s.asOf(), "asOf");
        long today = asOf.toEpochDay();
        daysToMonthEnd = PeriodEnds.daysToMonthEnd(asOf);
        periodEndWeek = PeriodEnds.weekHoldsOne(asOf);
        Input[] all = Input.values();
        inputs = new Double[all.length];
        for (Input input : all) {
            inputs[input.ordinal()] = s.value(input);
        }
        Double onRrpBalanceBn = input(ON_RRP_BALANCE_BN);
        Double reserveBalancesBn = input(RESERVE_BALANCES_BN);
        Double fedTotalAssetsBn = input(FED_TOTAL_ASSETS_BN);
        Double iorbPct = input(IORB_PCT);
        Double sofrPct = input(SOFR_PCT);
        Double targetRangeHighPct = input(TARGET_RANGE_HIGH_PCT);
        onRrpPeakBn = input(ON_RRP_PEAK_BN) != null ? input(ON_RRP_PEAK_BN)
                : peakOf(history.onRrpPeak(), onRrpBalanceBn, history);
        runoffActive = s.runoffActive();
        purchasesActive = s.purchasesActive();
        runoffTreasuryCapBn = s.runoffTreasuryCapBn();
        runoffMbsCapBn = s.runoffMbsCapBn();

        effrIorbSpreadBp = spreadBp(input(EFFR_PCT), iorbPct);
        sofrIorbSpreadBp = spreadBp(sofrPct, iorbPct);
        reservesToAssetsPct = sharePct(reserveBalancesBn, fedTotalAssetsBn);
        reservesToGdpPct = sharePct(reserveBalancesBn, input(NOMINAL_GDP_BN));
        reservesToBankAssetsPct = sharePct(reserveBalancesBn, input(BANK_TOTAL_ASSETS_BN));
        balanceSheetToGdpPct = sharePct(fedTotalAssetsBn, input(NOMINAL_GDP_BN));
        onRrpDrawdownPct = Measures.drawdownPct(onRrpPeakBn, onRrpBalanceBn);
        repoAboveCeilingBp = spreadBp(input(REPO_RATE_HIGH_PCT), targetRangeHighPct);
        sofrAboveCeilingBp = spreadBp(sofrPct, targetRangeHighPct);
        sofrAboveCeilingPriorHighBp = Trends.priorHigh(history, today, History.PointFigure.SOFR_ABOVE_CEILING_BP);
        srfTakeupPriorHighBn = Trends.priorHigh(history, today, History.PointFigure.SRF_TAKEUP_BN);

        int shortDays = windows.shortDays();
        // a series' point keeps the figures its later points read back, computed here once
        int self = history.indexOf(s);
        reservesToBankAssetsAvgShortPct = self >= 0
                ? history.kept(History.Kept.BANK_SHARE_AVERAGE, self, i -> bankShareAverage(history, s, shortDays))
                : bankShareAverage(history, s, shortDays);
        Observation shortStart = Trends.windowStart(history, today, shortDays);
        Observation longStart = Trends.windowStart(history, today, windows.longDays());
        effrIorbSpreadAvgShortBp = effrIorbSpreadBp == null ? null
                : Trends.averageOver(history, today, shortDays, effrIorbSpreadBp, History.Spread.EFFR);
        sofrIorbSpreadAvgShortBp = sofrIorbSpreadBp == null ? null
                : Trends.averageOver(history, today, shortDays, sofrIorbSpreadBp, History.Spread.SOFR);
        effrIorbSpreadChangeShortBp = Trends.averageChange(history, effrIorbSpreadAvgShortBp, shortStart, shortDays,
                History.Spread.EFFR);
        effrIorbSpreadChangeLongBp = Trends.averageChange(history, effrIorbSpreadAvgShortBp, longStart, shortDays,
                History.Spread.EFFR);
        sofrIorbSpreadChangeShortBp = Trends.averageChange(history, sofrIorbSpreadAvgShortBp, shortStart, shortDays,
                History.Spread.SOFR);
        sofrIorbSpreadChangeLongBp = Trends.averageChange(history, sofrIorbSpreadAvgShortBp, longStart, shortDays,
                History.Spread.SOFR);
        reservesChangeShortBn = Trends.change(reserveBalancesBn, shortStart, o -> o.value(RESERVE_BALANCES_BN));
        reservesChangeLongBn = Trends.change(reserveBalancesBn, longStart, o -> o.value(RESERVE_BALANCES_BN));
        reservesToAssetsChangeShortPct = Trends.change(reservesToAssetsPct, shortStart, Market::reserveShareOf);
        reservesToAssetsChangeLongPct = Trends.change(reservesToAssetsPct, longStart, Market::reserveShareOf);
        onRrpDrawdownShortPct = Trends.drawdownInWindow(history, today, onRrpBalanceBn, windows.shortDays());
        onRrpDrawdownLongPct = Trends.drawdownInWindow(history, today, onRrpBalanceBn, windows.longDays());

        // the breadth of repo pressure and the demand for reserves
        repoVolumeAtOrAboveIorbPct = repoShareOf(s);
        repoVolumeAtOrAboveIorbAvgShortPct = Trends.averageWhere(history, today, shortDays, s, Market::repoShareOf,
                false);
        tgcrIorbSpreadBp = spreadBp(input(TGCR_PCT), iorbPct);
        tgcrIorbSpreadAvgShortBp = Trends.averageWhere(history, today, shortDays, s,
                o -> spreadBp(o.value(TGCR_PCT), o.value(IORB_PCT)), true);
        srfRoutineWeeks = input(SRF_TAKEUP_BN) == null ? null
                : (double) Trends.weeksAtOrAbove(history, today, SRF_ROUTINE_WEEKS, s, History.PointFigure.SRF_TAKEUP_BN,
                        SRF_ROUTINE_FLOOR_BN);
        if (self >= 0) {
            reserveDemandSlopeBpPerPp = history.kept(History.Kept.RESERVE_DEMAND_SLOPE, self,
                    i -> fitAndKeep(history, history, s, i, true));
            reserveDemandSlopeT = history.kept(History.Kept.RESERVE_DEMAND_SLOPE_T, self,
                    i -> fitAndKeep(history, history, s, i, false));
        } else {
            ReserveDemand.Slope slope = ReserveDemand.at(history, s);
            reserveDemandSlopeBpPerPp = slope == null ? null : slope.bpPerPoint();
            reserveDemandSlopeT = slope == null ? null : slope.t();
        }

        // held over three weeks: the figures whose line a single week would otherwise cross and uncross
        sofrIorbSpreadHeldBp = Trends.held(history, today, sofrIorbSpreadAvgShortBp, i -> Trends.averageOver(history,
                history.epochDay(i), shortDays, null, History.Spread.SOFR));
        reservesToBankAssetsHeldPct = Trends.held(history, today, reservesToBankAssetsAvgShortPct,
                i -> history.kept(History.Kept.BANK_SHARE_AVERAGE, i, j -> bankShareAverageAt(history, j, shortDays)));
        onRrpBalanceHeldBn = Trends.held(history, today, onRrpBalanceBn, i -> history.get(i).value(ON_RRP_BALANCE_BN));
        onRrpDrawdownHeldPct = onRrpBalanceHeldBn == null || onRrpPeakBn == null || onRrpPeakBn <= 0 ? null
                : UnitFormat.round2(Math.max(0, 100 * (onRrpPeakBn - onRrpBalanceHeldBn) / onRrpPeakBn));
        reserveDemandSlopeHeldBpPerPp = Trends.held(history, today, reserveDemandSlopeBpPerPp,
                i -> history.kept(History.Kept.RESERVE_DEMAND_SLOPE, i, j -> slopeAt(history, j, true)));
        reserveDemandSlopeHeldT = Trends.held(history, today, reserveDemandSlopeT,
                i -> history.kept(History.Kept.RESERVE_DEMAND_SLOPE_T, i, j -> slopeAt(history, j, false)));
    }

    /**
     * Standing repo take-up at or above this, $bn, on an ordinary day, is use rather than the Desk's test operations
     * (FRED RPONTTLD: those never exceeded $0.203bn; every day from $1bn up came from 2024-09-30 on).
     */
    static final double SRF_ROUTINE_FLOOR_BN = 1.0;
    /** The standing repo facility's routine use is counted over this many weeks: a quarter. */
    static final int SRF_ROUTINE_WEEKS = 13;

    private static Double repoShareOf(Observation o) {
        return RepoBreadth.shareAtOrAbove(o.value(IORB_PCT), o.value(SOFR1_PCT), o.value(SOFR25_PCT),
                o.value(SOFR_PCT), o.value(SOFR75_PCT), o.value(SOFR99_PCT));
    }

    /** Reserves' share of bank assets averaged over the short window at the history's point {@code index}. */
    private static Double bankShareAverageAt(History history, int index, int shortDays) {
        return bankShareAverage(history.upTo(index), history.get(index), shortDays);
    }

    /** Reserves' share of bank assets at {@code point} averaged over the short window of the history before it. */
    private static Double bankShareAverage(History before, Observation point, int shortDays) {
        Double share = sharePct(point.value(RESERVE_BALANCES_BN), point.value(BANK_TOTAL_ASSETS_BN));
        return share == null ? null : Trends.averageOf(before, point.asOf().toEpochDay(), shortDays, share,
                o -> sharePct(o.value(RESERVE_BALANCES_BN), o.value(BANK_TOTAL_ASSETS_BN)));
    }

    /** The slope (or its t) at the history's point {@code index}, fitted once for both and kept. */
    private static Double slopeAt(History history, int index, boolean slope) {
        return fitAndKeep(history, history.upTo(index), history.get(index), index, slope);
    }

    /**
     * The slope (or its t) at {@code point}, fitted on the points {@code before} it; both are kept at {@code index}
     * of {@code series}, the history whose point it is, for whichever of the two is asked for next.
     */
    private static Double fitAndKeep(History series, History before, Observation point, int index, boolean slope) {
        ReserveDemand.Slope fitted = ReserveDemand.at(before, point);
        Double bpPerPoint = fitted == null ? null : fitted.bpPerPoint();
        Double t = fitted == null ? null : fitted.t();
        series.keep(History.Kept.RESERVE_DEMAND_SLOPE, index, bpPerPoint);
        series.keep(History.Kept.RESERVE_DEMAND_SLOPE_T, index, t);
        return slope ? bpPerPoint : t;
    }

    /** A snapshot judged with this history (a series hands each point the points before it). */
    public static Market of(Observation snapshot, History history, TrendWindows windows) {
        return new Market(snapshot, history, windows);
    }

    private Double input(Input input) {
        return inputs[input.ordinal()];
    }

    private static Double peakOf(Double historyPeak, Double now, History history) {
        if (history.isEmpty()) {
            return null; // no reference: the drawdown stays unknown rather than zero
        }
        if (historyPeak == null) {
            return now;
        }
        return now == null ? historyPeak : Math.max(historyPeak, now);
    }

    private static Double reserveShareOf(Observation s) {
        return sharePct(s.value(RESERVE_BALANCES_BN), s.value(FED_TOTAL_ASSETS_BN));
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    /** Calendar days from {@code asOf} to the last day of its month: 0 on the month's last day. */
    public int getDaysToMonthEnd() {
        return daysToMonthEnd;
    }

    /**
     * True when the week to the snapshot's date (its date and the seven days before) holds a month's last day or
     * a quarterly tax date (the 15th of March, June, September, December).
     */
    public boolean isPeriodEndWeek() {
        return periodEndWeek;
    }

    /**
     * The highest SOFR above the top of the range, in bp, at the history's ordinary (no period-end) weeks of the
     * five weeks before: whether a spike in a period-end week had been seen before it.
     */
    public Double getSofrAboveCeilingPriorHighBp() {
        return sofrAboveCeilingPriorHighBp;
    }

    /** The highest standing repo take-up at the history's ordinary weeks of the five weeks before, $bn. */
    public Double getSrfTakeupPriorHighBn() {
        return srfTakeupPriorHighBn;
    }

    public Double getReserveBalancesBn() {
        return input(RESERVE_BALANCES_BN);
    }

    public Double getFedTotalAssetsBn() {
        return input(FED_TOTAL_ASSETS_BN);
    }

    public Double getTreasuryHoldingsBn() {
        return input(TREASURY_HOLDINGS_BN);
    }

    public Double getMbsHoldingsBn() {
        return input(MBS_HOLDINGS_BN);
    }

    public Double getOnRrpBalanceBn() {
        return input(ON_RRP_BALANCE_BN);
    }

    /** The reference peak: {@code onRrpPeakBn} as sent, else the highest balance in history and now. */
    public Double getOnRrpPeakBn() {
        return onRrpPeakBn;
    }

    public Double getIorbPct() {
        return input(IORB_PCT);
    }

    public Double getEffrPct() {
        return input(EFFR_PCT);
    }

    public Double getSofrPct() {
        return input(SOFR_PCT);
    }

    public Double getRepoRateHighPct() {
        return input(REPO_RATE_HIGH_PCT);
    }

    public Double getTargetRangeLowPct() {
        return input(TARGET_RANGE_LOW_PCT);
    }

    public Double getTargetRangeHighPct() {
        return input(TARGET_RANGE_HIGH_PCT);
    }

    public Double getLargeBankExcessReserveRatioPct() {
        return input(LARGE_BANK_EXCESS_RESERVE_RATIO_PCT);
    }

    public Double getSmallBankExcessReserveRatioPct() {
        return input(SMALL_BANK_EXCESS_RESERVE_RATIO_PCT);
    }

    public Double getSrfTakeupBn() {
        return input(SRF_TAKEUP_BN);
    }

    public Double getNominalGdpBn() {
        return input(NOMINAL_GDP_BN);
    }

    public Double getCpiYoYPct() {
        return input(CPI_YOY_PCT);
    }

    public Double getCorePcePct() {
        return input(CORE_PCE_PCT);
    }

    /** The Treasury General Account at the Fed, $bn. */
    public Double getTreasuryGeneralAccountBn() {
        return input(TREASURY_GENERAL_ACCOUNT_BN);
    }

    /** All commercial banks' total assets (H.8), $bn. */
    public Double getBankTotalAssetsBn() {
        return input(BANK_TOTAL_ASSETS_BN);
    }

    /** Whether net asset purchases (QE) are under way; null when the snapshot does not say. */
    public Boolean getPurchasesActive() {
        return purchasesActive;
    }

    public Boolean getRunoffActive() {
        return runoffActive;
    }

    public Double getRunoffTreasuryCapBn() {
        return runoffTreasuryCapBn;
    }

    public Double getRunoffMbsCapBn() {
        return runoffMbsCapBn;
    }

    /** Treasury plus MBS caps, $bn a month; unknown if either cap is. */
    public Double getRunoffMonthlyCapBn() {
        return runoffTreasuryCapBn == null || runoffMbsCapBn == null ? null
                : Measures.known(runoffTreasuryCapBn + runoffMbsCapBn);
    }

    /** (EFFR - IORB) in bp: positive and rising means reserves are getting scarce. */
    public Double getEffrIorbSpreadBp() {
        return effrIorbSpreadBp;
    }

    /** (SOFR - IORB) in bp. */
    public Double getSofrIorbSpreadBp() {
        return sofrIorbSpreadBp;
    }

    public Double getReservesToAssetsPct() {
        return reservesToAssetsPct;
    }

    /** Reserves as a share of all commercial banks' total assets, in %. */
    public Double getReservesToBankAssetsPct() {
        return reservesToBankAssetsPct;
    }

    /**
     * That share averaged over the short window (the snapshot and its history's points within it); without
     * history, the share itself.
     */
    public Double getReservesToBankAssetsAvgShortPct() {
        return reservesToBankAssetsAvgShortPct;
    }

    public Double getReservesToGdpPct() {
        return reservesToGdpPct;
    }

    public Double getBalanceSheetToGdpPct() {
        return balanceSheetToGdpPct;
    }

    /** How far ON RRP has fallen from its reference peak, in % of the peak (0 at the peak); unknown below $1bn. */
    public Double getOnRrpDrawdownPct() {
        return onRrpDrawdownPct;
    }

    /** (highest repo rate traded - top of the target range) in bp: positive = repo above the ceiling. */
    public Double getRepoAboveCeilingBp() {
        return repoAboveCeilingBp;
    }

    /** (SOFR - top of the target range) in bp: positive = the median secured rate itself broke the ceiling. */
    public Double getSofrAboveCeilingBp() {
        return sofrAboveCeilingBp;
    }

    /** Mean of (EFFR - IORB) over the short window, this snapshot included (without history: the spread now). */
    public Double getEffrIorbSpreadAvgShortBp() {
        return effrIorbSpreadAvgShortBp;
    }

    /** Mean of (SOFR - IORB) over the short window, this snapshot included (without history: the spread now). */
    public Double getSofrIorbSpreadAvgShortBp() {
        return sofrIorbSpreadAvgShortBp;
    }

    /**
     * How the short-window average of (EFFR - IORB) moved over the short window, in bp: this month's
     * average against last month's. Positive = the spread is widening.
     */
    public Double getEffrIorbSpreadChangeShortBp() {
        return effrIorbSpreadChangeShortBp;
    }

    public Double getEffrIorbSpreadChangeLongBp() {
        return effrIorbSpreadChangeLongBp;
    }

    /** How the short-window average of (SOFR - IORB) moved over the short window, in bp. */
    public Double getSofrIorbSpreadChangeShortBp() {
        return sofrIorbSpreadChangeShortBp;
    }

    public Double getSofrIorbSpreadChangeLongBp() {
        return sofrIorbSpreadChangeLongBp;
    }

    /** Change of reserve balances over the short window, $bn. */
    public Double getReservesChangeShortBn() {
        return reservesChangeShortBn;
    }

    public Double getReservesChangeLongBn() {
        return reservesChangeLongBn;
    }

    /** Change of reserves' share of Fed assets over the short window, in percentage points. */
    public Double getReservesToAssetsChangeShortPct() {
        return reservesToAssetsChangeShortPct;
    }

    public Double getReservesToAssetsChangeLongPct() {
        return reservesToAssetsChangeLongPct;
    }

    /** How far ON RRP sits below its highest balance within the short window, in % of that high. */
    public Double getOnRrpDrawdownShortPct() {
        return onRrpDrawdownShortPct;
    }

    public Double getOnRrpDrawdownLongPct() {
        return onRrpDrawdownLongPct;
    }

    /** The snapshot's SOFR percentiles, tri-party rate and volume: the breadth of the repo market that day. */
    public Double getSofr1Pct() {
        return input(SOFR1_PCT);
    }

    public Double getSofr25Pct() {
        return input(SOFR25_PCT);
    }

    public Double getSofr75Pct() {
        return input(SOFR75_PCT);
    }

    public Double getSofr99Pct() {
        return input(SOFR99_PCT);
    }

    public Double getTgcrPct() {
        return input(TGCR_PCT);
    }

    public Double getSofrVolumeBn() {
        return input(SOFR_VOLUME_BN);
    }

    /** The share of the day's SOFR volume that traded at or above IORB, in % ({@link RepoBreadth}). */
    public Double getRepoVolumeAtOrAboveIorbPct() {
        return repoVolumeAtOrAboveIorbPct;
    }

    /** That share averaged over the short window (4 weeks), this snapshot included; without history, the share. */
    public Double getRepoVolumeAtOrAboveIorbAvgShortPct() {
        return repoVolumeAtOrAboveIorbAvgShortPct;
    }

    /** (TGCR - IORB) in bp: how far tri-party repo trades below the rate on reserves. */
    public Double getTgcrIorbSpreadBp() {
        return tgcrIorbSpreadBp;
    }

    /**
     * That spread averaged over the short window (4 weeks), leaving out the points dated on a day repo pays a
     * premium on ({@link PeriodEnds#isPremiumDay}); this snapshot included when it is not one.
     */
    public Double getTgcrIorbSpreadAvgShortBp() {
        return tgcrIorbSpreadAvgShortBp;
    }

    /**
     * In how many of the last 13 weeks (this one included) the standing repo facility was used for $1bn or more
     * in a week that holds no period end: routine use, not a quarter-end spike. Unknown when take-up is.
     */
    public Double getSrfRoutineWeeks() {
        return srfRoutineWeeks;
    }

    /** The slope of the demand for reserves over the last half year, bp per percentage point ({@link ReserveDemand}). */
    public Double getReserveDemandSlopeBpPerPp() {
        return reserveDemandSlopeBpPerPp;
    }

    /** That slope's t-statistic. */
    public Double getReserveDemandSlopeT() {
        return reserveDemandSlopeT;
    }

    /** {@code sofrIorbSpreadAvgShortBp} held over three weeks: its median now, a week and two weeks before. */
    public Double getSofrIorbSpreadHeldBp() {
        return sofrIorbSpreadHeldBp;
    }

    /** {@code reservesToBankAssetsAvgShortPct} held over three weeks. */
    public Double getReservesToBankAssetsHeldPct() {
        return reservesToBankAssetsHeldPct;
    }

    /** The ON RRP balance held over three weeks. */
    public Double getOnRrpBalanceHeldBn() {
        return onRrpBalanceHeldBn;
    }

    /** ON RRP's fall from its peak, from the balance held over three weeks. */
    public Double getOnRrpDrawdownHeldPct() {
        return onRrpDrawdownHeldPct;
    }

    /** The slope of the demand for reserves held over three weeks. */
    public Double getReserveDemandSlopeHeldBpPerPp() {
        return reserveDemandSlopeHeldBpPerPp;
    }

    /** Its t-statistic held over three weeks. */
    public Double getReserveDemandSlopeHeldT() {
        return reserveDemandSlopeHeldT;
    }
}
