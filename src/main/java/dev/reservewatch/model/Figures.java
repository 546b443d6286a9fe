package dev.reservewatch.model;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every figure the rules can read on {@link Market}, declared once: the snapshot's {@link Input}s, and below them
 * the figures derived from them, each with its unit and the snapshot fields it is made from ({@code history} for a
 * figure that needs earlier points). A rule that reads a figure which comes out unknown names those fields in the
 * verdict's {@code missingInputs}; the watchlist watches a trigger on any of them. Each figure is read through the
 * {@link Market} getter of the same name.
 */
public final class Figures {

    /**
     * A figure the rules can read: its name (the fact's property), its unit (null for a yes/no), its inputs (the
     * snapshot fields it is made from, {@code history} for one that needs earlier points), those inputs that are
     * figures of the snapshot, and whether it needs {@code history} or the {@code runoff}.
     */
    public record Figure(String name, Unit unit, List<String> inputs, List<Input> snapshotInputs, boolean needsHistory,
            boolean needsRunoff, Function<Market, Object> reader) {

        /** The figure's value on a market; null when unknown. */
        public Object of(Market market) {
            return reader.apply(market);
        }
    }

    private static final String HISTORY = "history";
    private static final String RUNOFF = "runoff";

    private static final Map<String, Figure> ALL;

    static {
        Map<String, Figure> all = new LinkedHashMap<>();
        for (Input input : Input.values()) {
            add(all, input.field(), input.unit(), input.field());
        }
        add(all, "daysToMonthEnd", null, "asOf");
        add(all, "periodEndWeek", null, "asOf");
        add(all, "runoffActive", null, RUNOFF);
        add(all, "runoffTreasuryCapBn", Unit.BILLIONS, RUNOFF);
        add(all, "runoffMbsCapBn", Unit.BILLIONS, RUNOFF);
        add(all, "runoffMonthlyCapBn", Unit.BILLIONS, RUNOFF);
        add(all, "purchasesActive", null, RUNOFF);
        add(all, "effrIorbSpreadBp", Unit.BASIS_POINTS, "effrPct", "iorbPct");
        add(all, "sofrIorbSpreadBp", Unit.BASIS_POINTS, "sofrPct", "iorbPct");
        add(all, "reservesToAssetsPct", Unit.PERCENT, "reserveBalancesBn", "fedTotalAssetsBn");
        add(all, "reservesToGdpPct", Unit.PERCENT, "reserveBalancesBn", "nominalGdpBn");
        add(all, "reservesToBankAssetsPct", Unit.PERCENT, "reserveBalancesBn", "bankTotalAssetsBn");
        add(all, "reservesToBankAssetsAvgShortPct", Unit.PERCENT, "reserveBalancesBn", "bankTotalAssetsBn");
        add(all, "balanceSheetToGdpPct", Unit.PERCENT, "fedTotalAssetsBn", "nominalGdpBn");
        add(all, "onRrpDrawdownPct", Unit.PERCENT, "onRrpBalanceBn", "onRrpPeakBn");
        add(all, "repoAboveCeilingBp", Unit.BASIS_POINTS, "repoRateHighPct", "targetRangeHighPct");
        add(all, "sofrAboveCeilingBp", Unit.BASIS_POINTS, "sofrPct", "targetRangeHighPct");
        add(all, "sofrAboveCeilingPriorHighBp", Unit.BASIS_POINTS, HISTORY, "sofrPct", "targetRangeHighPct");
        add(all, "srfTakeupPriorHighBn", Unit.BILLIONS, HISTORY, "srfTakeupBn");
        add(all, "effrIorbSpreadAvgShortBp", Unit.BASIS_POINTS, "effrPct", "iorbPct");
        add(all, "sofrIorbSpreadAvgShortBp", Unit.BASIS_POINTS, "sofrPct", "iorbPct");
        add(all, "effrIorbSpreadChangeShortBp", Unit.BASIS_POINTS, HISTORY, "effrPct", "iorbPct");
        add(all, "effrIorbSpreadChangeLongBp", Unit.BASIS_POINTS, HISTORY, "effrPct", "iorbPct");
        add(all, "sofrIorbSpreadChangeShortBp", Unit.BASIS_POINTS, HISTORY, "sofrPct", "iorbPct");
        add(all, "sofrIorbSpreadChangeLongBp", Unit.BASIS_POINTS, HISTORY, "sofrPct", "iorbPct");
        add(all, "reservesChangeShortBn", Unit.BILLIONS, HISTORY, "reserveBalancesBn");
        add(all, "reservesChangeLongBn", Unit.BILLIONS, HISTORY, "reserveBalancesBn");
        add(all, "reservesToAssetsChangeShortPct", Unit.PERCENT, HISTORY, "reserveBalancesBn", "fedTotalAssetsBn");
        add(all, "reservesToAssetsChangeLongPct", Unit.PERCENT, HISTORY, "reserveBalancesBn", "fedTotalAssetsBn");
        add(all, "onRrpDrawdownShortPct", Unit.PERCENT, HISTORY, "onRrpBalanceBn");
        add(all, "onRrpDrawdownLongPct", Unit.PERCENT, HISTORY, "onRrpBalanceBn");
        String[] percentiles = { "sofr1Pct", "sofr25Pct", "sofrPct", "sofr75Pct", "sofr99Pct", "iorbPct" };
        add(all, "repoVolumeAtOrAboveIorbPct", Unit.PERCENT, percentiles);
        add(all, "repoVolumeAtOrAboveIorbAvgShortPct", Unit.PERCENT, percentiles);
        add(all, "tgcrIorbSpreadBp", Unit.BASIS_POINTS, "tgcrPct", "iorbPct");
        add(all, "tgcrIorbSpreadAvgShortBp", Unit.BASIS_POINTS, "tgcrPct", "iorbPct");
        add(all, "srfRoutineWeeks", Unit.WEEKS, "srfTakeupBn");
        String[] demand = { HISTORY, "effrPct", "iorbPct", "reserveBalancesBn", "bankTotalAssetsBn" };
        add(all, "reserveDemandSlopeBpPerPp", Unit.BASIS_POINTS_PER_POINT, demand);
        add(all, "reserveDemandSlopeT", null, demand);
        add(all, "sofrIorbSpreadHeldBp", Unit.BASIS_POINTS, "sofrPct", "iorbPct");
        add(all, "reservesToBankAssetsHeldPct", Unit.PERCENT, "reserveBalancesBn", "bankTotalAssetsBn");
        add(all, "onRrpBalanceHeldBn", Unit.BILLIONS, "onRrpBalanceBn");
        add(all, "onRrpDrawdownHeldPct", Unit.PERCENT, "onRrpBalanceBn", "onRrpPeakBn");
        add(all, "reserveDemandSlopeHeldBpPerPp", Unit.BASIS_POINTS_PER_POINT, demand);
        add(all, "reserveDemandSlopeHeldT", null, demand);
        ALL = Collections.unmodifiableMap(all);
    }

    private Figures() {
    }

    /** Every figure, inputs first, in the order declared. */
    public static Map<String, Figure> all() {
        return ALL;
    }

    /** The named figure, or null when the market has no such figure. */
    public static Figure named(String name) {
        return ALL.get(name);
    }

    private static void add(Map<String, Figure> all, String name, Unit unit, String... inputs) {
        List<Input> snapshotInputs = new ArrayList<>();
        for (String input : inputs) {
            Input.byField(input).ifPresent(snapshotInputs::add);
        }
        List<String> madeOf = List.of(inputs);
        all.put(name, new Figure(name, unit, madeOf, List.copyOf(snapshotInputs), madeOf.contains(HISTORY),
                madeOf.contains(RUNOFF), getter(name)));
    }

    /** The Market getter of a figure, as a function as fast as a direct call. */
    @SuppressWarnings("unchecked")
    private static Function<Market, Object> getter(String name) {
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (String prefix : List.of("get", "is")) {
            try {
                java.lang.reflect.Method method = Market.class.getMethod(prefix + suffix);
                MethodHandle handle = lookup.unreflect(method);
                CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                        MethodType.methodType(Object.class, Object.class), handle,
                        MethodType.methodType(method.getReturnType().isPrimitive()
                                ? MethodType.methodType(method.getReturnType()).wrap().returnType()
                                : method.getReturnType(), Market.class));
                return (Function<Market, Object>) site.getTarget().invokeExact();
            } catch (NoSuchMethodException e) {
                // try the next prefix
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read figure " + name + " off Market", e);
            }
        }
        throw new IllegalStateException("the figure " + name + " has no getter on Market: add get" + suffix + "()");
    }
}
