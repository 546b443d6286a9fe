package dev.reservewatch.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;


/**
 * The fact the rules see: a snapshot's figures plus the figures derived from them, computed once here
 * so that every rule reads the same number. A {@code null} figure is unknown; a constraint on it never
 * matches, so no rule fires on a guess.
 */
public final class Market {

    /**
     * Every figure the rules may read, with the snapshot fields it is made from. A rule that reads a
     * figure which comes out unknown names those fields in the verdict's {@code missingInputs}.
     */
    public static final Map<String, Figure> FIGURES = Stream.of(
            figure("reserveBalancesBn", Market::getReserveBalancesBn, "reserveBalancesBn"),
            figure("fedTotalAssetsBn", Market::getFedTotalAssetsBn, "fedTotalAssetsBn"),
            figure("treasuryHoldingsBn", Market::getTreasuryHoldingsBn, "treasuryHoldingsBn"),
            figure("mbsHoldingsBn", Market::getMbsHoldingsBn, "mbsHoldingsBn"),
            figure("onRrpBalanceBn", Market::getOnRrpBalanceBn, "onRrpBalanceBn"),
            figure("onRrpPeakBn", Market::getOnRrpPeakBn, "onRrpPeakBn"),
            figure("treasuryGeneralAccountBn", Market::getTreasuryGeneralAccountBn, "treasuryGeneralAccountBn"),
            figure("bankTotalAssetsBn", Market::getBankTotalAssetsBn, "bankTotalAssetsBn"),
            figure("iorbPct", Market::getIorbPct, "iorbPct"),
            figure("effrPct", Market::getEffrPct, "effrPct"),
            figure("sofrPct", Market::getSofrPct, "sofrPct"),
            figure("repoRateHighPct", Market::getRepoRateHighPct, "repoRateHighPct"),
            figure("targetRangeLowPct", Market::getTargetRangeLowPct, "targetRangeLowPct"),
            figure("targetRangeHighPct", Market::getTargetRangeHighPct, "targetRangeHighPct"),
            figure("largeBankExcessReserveRatioPct", Market::getLargeBankExcessReserveRatioPct, "largeBankExcessReserveRatioPct"),
            figure("smallBankExcessReserveRatioPct", Market::getSmallBankExcessReserveRatioPct, "smallBankExcessReserveRatioPct"),
            figure("srfTakeupBn", Market::getSrfTakeupBn, "srfTakeupBn"),
            figure("nominalGdpBn", Market::getNominalGdpBn, "nominalGdpBn"),
            figure("cpiYoYPct", Market::getCpiYoYPct, "cpiYoYPct"),
            figure("corePcePct", Market::getCorePcePct, "corePcePct"),
            figure("runoffActive", Market::getRunoffActive, "runoff"),
            figure("runoffTreasuryCapBn", Market::getRunoffTreasuryCapBn, "runoff"),
            figure("runoffMbsCapBn", Market::getRunoffMbsCapBn, "runoff"),
            figure("runoffMonthlyCapBn", Market::getRunoffMonthlyCapBn, "runoff"),
            figure("purchasesActive", Market::getPurchasesActive, "runoff"),
            figure("effrIorbSpreadBp", Market::getEffrIorbSpreadBp, "effrPct", "iorbPct"),
            figure("sofrIorbSpreadBp", Market::getSofrIorbSpreadBp, "sofrPct", "iorbPct"),
            figure("reservesToAssetsPct", Market::getReservesToAssetsPct, "reserveBalancesBn", "fedTotalAssetsBn"),
            figure("reservesToGdpPct", Market::getReservesToGdpPct, "reserveBalancesBn", "nominalGdpBn"),
            figure("reservesToBankAssetsPct", Market::getReservesToBankAssetsPct, "reserveBalancesBn",
                    "bankTotalAssetsBn"),
            figure("reservesToBankAssetsAvgShortPct", Market::getReservesToBankAssetsAvgShortPct, "reserveBalancesBn",
                    "bankTotalAssetsBn"),
            figure("balanceSheetToGdpPct", Market::getBalanceSheetToGdpPct, "fedTotalAssetsBn", "nominalGdpBn"),
            figure("onRrpDrawdownPct", Market::getOnRrpDrawdownPct, "onRrpBalanceBn", "onRrpPeakBn"),
            figure("repoAboveCeilingBp", Market::getRepoAboveCeilingBp, "repoRateHighPct", "targetRangeHighPct"),
            figure("sofrAboveCeilingBp", Market::getSofrAboveCeilingBp, "sofrPct", "targetRangeHighPct"),
            figure("sofrAboveCeilingPriorHighBp", Market::getSofrAboveCeilingPriorHighBp, "history", "sofrPct",
                    "targetRangeHighPct"),
            figure("srfTakeupPriorHighBn", Market::getSrfTakeupPriorHighBn, "history", "srfTakeupBn"),
            figure("effrIorbSpreadAvgShortBp", Market::getEffrIorbSpreadAvgShortBp, "effrPct", "iorbPct"),
            figure("sofrIorbSpreadAvgShortBp", Market::getSofrIorbSpreadAvgShortBp, "sofrPct", "iorbPct"),
            figure("effrIorbSpreadChangeShortBp", Market::getEffrIorbSpreadChangeShortBp, "history", "effrPct", "iorbPct"),
            figure("effrIorbSpreadChangeLongBp", Market::getEffrIorbSpreadChangeLongBp, "history", "effrPct", "iorbPct"),
            figure("sofrIorbSpreadChangeShortBp", Market::getSofrIorbSpreadChangeShortBp, "history", "sofrPct", "iorbPct"),
            figure("sofrIorbSpreadChangeLongBp", Market::getSofrIorbSpreadChangeLongBp, "history", "sofrPct", "iorbPct"),
            figure("reservesChangeShortBn", Market::getReservesChangeShortBn, "history", "reserveBalancesBn"),
            figure("reservesChangeLongBn", Market::getReservesChangeLongBn, "history", "reserveBalancesBn"),
            figure("reservesToAssetsChangeShortPct", Market::getReservesToAssetsChangeShortPct, "history",
                    "reserveBalancesBn", "fedTotalAssetsBn"),
            figure("reservesToAssetsChangeLongPct", Market::getReservesToAssetsChangeLongPct, "history",
                    "reserveBalancesBn", "fedTotalAssetsBn"),
            figure("onRrpDrawdownShortPct", Market::getOnRrpDrawdownShortPct, "history", "onRrpBalanceBn"),
            figure("onRrpDrawdownLongPct", Market::getOnRrpDrawdownLongPct, "history", "onRrpBalanceBn"))
            .collect(Collectors.toUnmodifiableMap(Figure::name, Function.identity()));

    /** A figure the rules can read: its name (the fact's property), how to read it, what it is made from. */
    public record Figure(String name, Function<Market, Object> value, List<String> inputs) {
    }

    private static Figure figure(String name, Function<Market, Object> value, String... inputs) {
        return new Figure(name, value, List.of(inputs));
    }

    private final LocalDate asOf;
    private final int daysToMonthEnd;
    private final boolean periodEndWeek;
    private final Double reserveBalancesBn;
    private final Double fedTotalAssetsBn;
    private final Double treasuryHoldingsBn;
    private final Double mbsHoldingsBn;
    private final Double onRrpBalanceBn;
    private final Double onRrpPeakBn;
    private final Double iorbPct;
    private final Double effrPct;
    private final Double sofrPct;
    private final Double repoRateHighPct;
    private final Double targetRangeLowPct;
    private final Double targetRangeHighPct;
    private final Double largeBankExcessReserveRatioPct;
    private final Double smallBankExcessReserveRatioPct;
    private final Double srfTakeupBn;
    private final Double nominalGdpBn;
    private final Double cpiYoYPct;
    private final Double corePcePct;
    private final Double treasuryGeneralAccountBn;
    private final Double bankTotalAssetsBn;
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

    private Market(Observation s, History history, TrendWindows windows) {
        asOf = Objects.requireNonNull(s.asOf(), "asOf");
        daysToMonthEnd = (int) ChronoUnit.DAYS.between(asOf, asOf.with(TemporalAdjusters.lastDayOfMonth()));
        periodEndWeek = holdsPeriodEnd(asOf.minusDays(PERIOD_END_WEEK_DAYS), asOf);
        reserveBalancesBn = s.reserveBalancesBn();
        fedTotalAssetsBn = s.fedTotalAssetsBn();
        treasuryHoldingsBn = s.treasuryHoldingsBn();
        mbsHoldingsBn = s.mbsHoldingsBn();
        onRrpBalanceBn = s.onRrpBalanceBn();
        onRrpPeakBn = s.onRrpPeakBn() != null ? s.onRrpPeakBn() : peakOf(history.onRrpPeak(), s.onRrpBalanceBn(), history);
        iorbPct = s.iorbPct();
        effrPct = s.effrPct();
        sofrPct = s.sofrPct();
        repoRateHighPct = s.repoRateHighPct();
        targetRangeLowPct = s.targetRangeLowPct();
        targetRangeHighPct = s.targetRangeHighPct();
        largeBankExcessReserveRatioPct = s.largeBankExcessReserveRatioPct();
        smallBankExcessReserveRatioPct = s.smallBankExcessReserveRatioPct();
        srfTakeupBn = s.srfTakeupBn();
        nominalGdpBn = s.nominalGdpBn();
        cpiYoYPct = s.cpiYoYPct();
        corePcePct = s.corePcePct();
        treasuryGeneralAccountBn = s.treasuryGeneralAccountBn();
        bankTotalAssetsBn = s.bankTotalAssetsBn();
        runoffActive = s.runoffActive();
        purchasesActive = s.purchasesActive();
        runoffTreasuryCapBn = s.runoffTreasuryCapBn();
        runoffMbsCapBn = s.runoffMbsCapBn();

        effrIorbSpreadBp = spreadBp(effrPct, iorbPct);
        sofrIorbSpreadBp = spreadBp(sofrPct, iorbPct);
        reservesToAssetsPct = sharePct(reserveBalancesBn, fedTotalAssetsBn);
        reservesToGdpPct = sharePct(reserveBalancesBn, nominalGdpBn);
        reservesToBankAssetsPct = sharePct(reserveBalancesBn, bankTotalAssetsBn);
        balanceSheetToGdpPct = sharePct(fedTotalAssetsBn, nominalGdpBn);
        onRrpDrawdownPct = onRrpBalanceBn == null || onRrpPeakBn == null || onRrpPeakBn <= 0 ? null
                : Quantity.round2(Math.max(0, 100 * (onRrpPeakBn - onRrpBalanceBn) / onRrpPeakBn));
        repoAboveCeilingBp = spreadBp(repoRateHighPct, targetRangeHighPct);
        sofrAboveCeilingBp = spreadBp(sofrPct, targetRangeHighPct);
        sofrAboveCeilingPriorHighBp = priorHigh(history, asOf, o -> spreadBp(o.sofrPct(), o.targetRangeHighPct()));
        srfTakeupPriorHighBn = priorHigh(history, asOf, Observation::srfTakeupBn);
        reservesToBankAssetsAvgShortPct = reservesToBankAssetsPct == null ? null
                : averageOf(history, asOf, windows.shortDays(), reservesToBankAssetsPct,
                        o -> sharePct(o.reserveBalancesBn(), o.bankTotalAssetsBn()));

        Observation shortStart = windowStart(history, windows.shortDays());
        Observation longStart = windowStart(history, windows.longDays());
        int shortDays = windows.shortDays();
        effrIorbSpreadAvgShortBp = effrIorbSpreadBp == null ? null
                : averageOver(history, asOf, shortDays, effrIorbSpreadBp, History.Spread.EFFR);
        sofrIorbSpreadAvgShortBp = sofrIorbSpreadBp == null ? null
                : averageOver(history, asOf, shortDays, sofrIorbSpreadBp, History.Spread.SOFR);
        effrIorbSpreadChangeShortBp = averageChange(history, effrIorbSpreadAvgShortBp, shortStart, shortDays,
                History.Spread.EFFR);
        effrIorbSpreadChangeLongBp = averageChange(history, effrIorbSpreadAvgShortBp, longStart, shortDays,
                History.Spread.EFFR);
        sofrIorbSpreadChangeShortBp = averageChange(history, sofrIorbSpreadAvgShortBp, shortStart, shortDays,
                History.Spread.SOFR);
        sofrIorbSpreadChangeLongBp = averageChange(history, sofrIorbSpreadAvgShortBp, longStart, shortDays,
                History.Spread.SOFR);
        reservesChangeShortBn = change(reserveBalancesBn, shortStart, Observation::reserveBalancesBn);
        reservesChangeLongBn = change(reserveBalancesBn, longStart, Observation::reserveBalancesBn);
        reservesToAssetsChangeShortPct = change(reservesToAssetsPct, shortStart, Market::reserveShareOf);
        reservesToAssetsChangeLongPct = change(reservesToAssetsPct, longStart, Market::reserveShareOf);
        onRrpDrawdownShortPct = drawdownInWindow(history, windows.shortDays());
        onRrpDrawdownLongPct = drawdownInWindow(history, windows.longDays());
    }

    /** A snapshot judged with this history (a series hands each point the points before it). */
    public static Market of(Observation snapshot, History history, TrendWindows windows) {
        return new Market(snapshot, history, windows);
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

    /** The latest observation on or before the start of a window ending at asOf, or null. */
    private Observation windowStart(History history, int days) {
        int index = history.latestOnOrBefore(asOf.minusDays(days));
        return index < 0 ? null : history.get(index);
    }

    /**
     * The mean of a spread over the history points in (day - window, day], plus {@code now} when given
     * (the point being judged; a history point dated {@code day} is then left out, as {@code now} stands
     * for it). Spreads jump at month-ends and tax dates; their average does not.
     */
    private static Double averageOver(History history, LocalDate day, int windowDays, Double now,
            History.Spread spread) {
        int last = history.latestOnOrBefore(day);
        if (now != null && last >= 0 && history.get(last).asOf().equals(day)) {
            last--;
        }
        int before = history.latestOnOrBefore(day.minusDays(windowDays));
        double sum = now == null ? 0 : now;
        int count = now == null ? 0 : 1;
        if (last > before) {
            sum += history.spreadSum(spread, before, last);
            count += history.spreadCount(spread, before, last);
        }
        return count == 0 ? null : Quantity.round2(sum / count);
    }

    /** How the short-window average moved since {@code then}: the average now minus the average then. */
    private static Double averageChange(History history, Double averageNow, Observation then, int windowDays,
            History.Spread spread) {
        if (averageNow == null || then == null) {
            return null;
        }
        Double averageThen = averageOver(history, then.asOf(), windowDays, null, spread);
        return averageThen == null ? null : Quantity.round2(averageNow - averageThen);
    }

    private static Double change(Double now, Observation then, java.util.function.Function<Observation, Double> figure) {
        if (now == null || then == null) {
            return null;
        }
        Double before = figure.apply(then);
        return before == null ? null : Quantity.round2(now - before);
    }

    private static Double reserveShareOf(Observation s) {
        return sharePct(s.reserveBalancesBn(), s.fedTotalAssetsBn());
    }

    /** How far ON RRP now sits below its highest balance within the window (window start included), in %. */
    private Double drawdownInWindow(History history, int days) {
        int start = history.latestOnOrBefore(asOf.minusDays(days));
        if (onRrpBalanceBn == null || start < 0) {
            return null;
        }
        double peak = onRrpBalanceBn;
        for (int i = start; i < history.size(); i++) {
            Double value = history.get(i).onRrpBalanceBn();
            if (value != null && value > peak) {
                peak = value;
            }
        }
        return peak <= 0 ? null : Quantity.round2(100 * (peak - onRrpBalanceBn) / peak);
    }

    /**
     * A point's week for the calendar: the days from this many days before its date to its date (a weekly
     * point's daily rates are the day before's, a snapshot's the day's own).
     */
    private static final int PERIOD_END_WEEK_DAYS = 7;
    /** How far back the prior weeks reach when a spike in a period-end week must show it was there before. */
    private static final int PRIOR_WEEKS_DAYS = 35;

    /**
     * True when a month's last day, or the 15th of March, June, September or December (the quarterly tax and
     * settlement dates), falls from {@code first} to {@code last}: days on which repo is squeezed every time.
     */
    private static boolean holdsPeriodEnd(LocalDate first, LocalDate last) {
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfMonth() == day.lengthOfMonth() || (day.getDayOfMonth() == 15 && day.getMonthValue() % 3 == 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The mean of a figure over the history's points in (day - window, day), and {@code now} for the day itself:
     * a level read over weeks, so that one week's noise near a line does not flip a signal.
     */
    private static Double averageOf(History history, LocalDate day, int windowDays, double now,
            Function<Observation, Double> figure) {
        double sum = now;
        int count = 1;
        for (int i = history.latestOnOrBefore(day.minusDays(1)); i >= 0; i--) {
            Observation earlier = history.get(i);
            if (!earlier.asOf().isAfter(day.minusDays(windowDays))) {
                break;
            }
            Double value = figure.apply(earlier);
            if (value != null) {
                sum += value;
                count++;
            }
        }
        return Quantity.round2(sum / count);
    }

    /**
     * The highest value of a figure at the history's points of the five weeks before {@code day} that are no
     * period-end weeks themselves, or null: whether a spike was seen on an ordinary week before.
     */
    private static Double priorHigh(History history, LocalDate day, Function<Observation, Double> figure) {
        Double high = null;
        for (int i = history.latestOnOrBefore(day.minusDays(1)); i >= 0; i--) {
            Observation earlier = history.get(i);
            if (earlier.asOf().isBefore(day.minusDays(PRIOR_WEEKS_DAYS))) {
                break;
            }
            Double value = figure.apply(earlier);
            if (value != null && (high == null || value > high)
                    && !holdsPeriodEnd(earlier.asOf().minusDays(PERIOD_END_WEEK_DAYS), earlier.asOf())) {
                high = value;
            }
        }
        return high;
    }

    private static Double spreadBp(Double ratePct, Double referencePct) {
        return ratePct == null || referencePct == null ? null : Quantity.round2((ratePct - referencePct) * 100);
    }

    private static Double sharePct(Double part, Double whole) {
        return part == null || whole == null || whole <= 0 ? null : Quantity.round2(100 * part / whole);
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
        return reserveBalancesBn;
    }

    public Double getFedTotalAssetsBn() {
        return fedTotalAssetsBn;
    }

    public Double getTreasuryHoldingsBn() {
        return treasuryHoldingsBn;
    }

    public Double getMbsHoldingsBn() {
        return mbsHoldingsBn;
    }

    public Double getOnRrpBalanceBn() {
        return onRrpBalanceBn;
    }

    /** The reference peak: {@code onRrpPeakBn} as sent, else the highest balance in history and now. */
    public Double getOnRrpPeakBn() {
        return onRrpPeakBn;
    }

    public Double getIorbPct() {
        return iorbPct;
    }

    public Double getEffrPct() {
        return effrPct;
    }

    public Double getSofrPct() {
        return sofrPct;
    }

    public Double getRepoRateHighPct() {
        return repoRateHighPct;
    }

    public Double getTargetRangeLowPct() {
        return targetRangeLowPct;
    }

    public Double getTargetRangeHighPct() {
        return targetRangeHighPct;
    }

    public Double getLargeBankExcessReserveRatioPct() {
        return largeBankExcessReserveRatioPct;
    }

    public Double getSmallBankExcessReserveRatioPct() {
        return smallBankExcessReserveRatioPct;
    }

    public Double getSrfTakeupBn() {
        return srfTakeupBn;
    }

    public Double getNominalGdpBn() {
        return nominalGdpBn;
    }

    public Double getCpiYoYPct() {
        return cpiYoYPct;
    }

    public Double getCorePcePct() {
        return corePcePct;
    }

    /** The Treasury General Account at the Fed, $bn. */
    public Double getTreasuryGeneralAccountBn() {
        return treasuryGeneralAccountBn;
    }

    /** All commercial banks' total assets (H.8), $bn. */
    public Double getBankTotalAssetsBn() {
        return bankTotalAssetsBn;
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
        return runoffTreasuryCapBn == null || runoffMbsCapBn == null ? null : runoffTreasuryCapBn + runoffMbsCapBn;
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

    /** How far ON RRP has fallen from its reference peak, in % of the peak (0 at the peak). */
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
}
