package dev.reservewatch.service;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.Excerpt;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.error.PayloadTooLargeException;
import dev.reservewatch.model.Bounds;
import dev.reservewatch.model.DateBounds;
import dev.reservewatch.model.Input;
import dev.reservewatch.model.PeriodEnds;
import dev.reservewatch.model.UnitFormat;

/**
 * Turns FRED downloads into a weekly series of snapshots: one point each Wednesday, each figure what a reader
 * had on that day (published by then: {@link FredSeries} says when each series is published and how a point
 * reads it), and the balance-sheet policy from a calendar. The ON RRP reference peak is the highest balance in
 * the whole download up to each point, so a backtest starting late still knows the buffer's size. A figure
 * older than its series' schedule allows counts as absent; IOER, a series of step changes, stands in for IORB
 * until IORB is published.
 */
public final class FredImport {

    /** A value as FRED writes one, at most 40 characters: digits, a point, an exponent (no hexadecimal, no suffix). */
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern
            .compile("(?=.{1,40}$)[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private FredImport() {
    }

    /** One series: observation dates in order with their values, in the snapshot field's unit. */
    public record Observations(FredSeries series, TreeMap<LocalDate, Double> values) {
    }

    /**
     * Reads one FRED CSV: a header of {@code observation_date,CODE}, {@code DATE,CODE} or {@code Date,Value},
     * then {@code date,value} rows; an empty value (or FRED's ".") is no observation.
     */
    public static Observations parse(String code, String csv) {
        FredSeries series = FredSeries.byCode(code).orElseThrow(() -> BadInputException.of(code,
                "is not a series the import knows; known: " + FredSeries.codes()));
        TreeMap<LocalDate, Double> values = new TreeMap<>();
        List<FieldError> errors = new ArrayList<>();
        try (Reader reader = new StringReader(csv);
                MappingIterator<String[]> rows = CSV.readerFor(String[].class)
                        .with(CsvSchema.emptySchema()).readValues(reader)) {
            if (!rows.hasNext()) {
                throw BadInputException.of(code, "is empty: expected a header and date,value rows");
            }
            List<String> header = List.of(rows.next());
            checkHeader(series, code, header);
            while (rows.hasNext()) {
                int line = rows.getCurrentLocation().getLineNr(); // where the row starts: just after the last one
                List<String> row = List.of(rows.next());
                if (row.size() != 2) {
                    errors.add(new FieldError(code + " line " + line, "expected 2 columns (date,value), found " + row.size()));
                    continue;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(row.get(0));
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(code + " line " + line + " column 1", "not an ISO date: '" + Excerpt.of(row.get(0), 40) + "'"));
                    continue;
                }
                if (!DateBounds.ALL.contains(date)) {
                    errors.add(new FieldError(code + " line " + line + " column 1", "must be a date "
                            + DateBounds.ALL.describe() + " (was " + date + ")"));
                    continue;
                }
                String text = row.get(1);
                if (text.isEmpty() || text.equals(".")) {
                    continue;
                }
                if (!PLAIN_NUMBER.matcher(text).matches() || !Double.isFinite(Double.parseDouble(text))) {
                    errors.add(new FieldError(code + " line " + line + " column 2", "not a number: '" + Excerpt.of(text, 40) + "'"));
                } else {
                    // in decimal, so that millions become billions without binary noise (2933037 -> 2933.037)
                    double value = new BigDecimal(text).multiply(BigDecimal.valueOf(series.scale())).doubleValue();
                    Bounds bounds = series.bounds();
                    if (bounds.contains(value)) {
                        values.put(date, value);
                    } else {
                        errors.add(new FieldError(code + " line " + line + " column 2", "must be " + bounds.describe()
                                + " " + series.unitName() + " (was " + Excerpt.of(text, 40) + ")"
                                + bounds.unitHint(value, series.input().unit())));
                    }
                }
                if (errors.size() >= 50) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw BadInputException.of(code, "is not readable CSV: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("The " + code + " file has " + errors.size() + " bad row(s)", errors);
        }
        return new Observations(series, values);
    }

    private static void checkHeader(FredSeries series, String code, List<String> header) {
        if (header.size() != 2) {
            throw BadInputException.of(code + " line 1", "the header must have two columns, e.g. observation_date," + series);
        }
        String dateColumn = header.get(0).toLowerCase();
        String valueColumn = header.get(1);
        boolean dateOk = dateColumn.equals("observation_date") || dateColumn.equals("date");
        boolean valueOk = valueColumn.equalsIgnoreCase("value") || valueColumn.equalsIgnoreCase(series.name());
        if (!dateOk || !valueOk) {
            throw BadInputException.of(code + " line 1", "header '" + String.join(",", header)
                    + "' is not observation_date," + series + ", DATE," + series + " or Date,Value");
        }
    }

    /**
     * The weekly points of a backtest: {@code points} in date order, of which those before {@code reportFrom} are
     * history only (they let the first reported weeks see their trends), and the rest are judged and reported.
     */
    public record Weekly(List<MarketSnapshot> points, LocalDate reportFrom) {

        /** The points from {@code reportFrom} on. */
        public int reported() {
            return (int) points.stream().filter(point -> !point.asOf().isBefore(reportFrom)).count();
        }
    }

    /**
     * Weekly points, each Wednesday from {@code from} to {@code to}, both optional and both clamped to the data:
     * by default from the first reserves observation (or the first observation of any series) to the last week
     * whose reserves are published (or, without reserves, the last observation of any series). Before
     * {@code from}, up to {@code historyDays} of points are added as history. Each figure is the one a reader had
     * on the point's day ({@link FredSeries#publishedOn}): nothing published after it. The number of points is
     * counted from the range before any is built: more than {@code maxPoints} reported is refused (413),
     * however few rows the files hold.
     */
    public static Weekly weekly(List<Observations> all, RunoffCalendar calendar, LocalDate from, LocalDate to,
            int maxPoints, int historyDays) {
        Map<FredSeries, Published> bySeries = new EnumMap<>(FredSeries.class);
        for (Observations observations : all) {
            bySeries.put(observations.series(), Published.of(observations));
        }
        LocalDate dataFirst = bySeries.values().stream().map(Published::first).filter(d -> d != null)
                .min(LocalDate::compareTo).orElse(null);
        LocalDate dataLast = bySeries.values().stream().map(Published::last).filter(d -> d != null)
                .max(LocalDate::compareTo).orElse(null);
        if (dataFirst == null) {
            throw BadInputException.of("files", "no observations in any file");
        }
        Published reserves = bySeries.get(FredSeries.WRESBAL);
        LocalDate defaultFirst = reserves != null && reserves.first() != null ? reserves.first() : dataFirst;
        LocalDate defaultLast = reserves != null && reserves.last() != null ? reserves.last() : dataLast;
        LocalDate first = from == null ? defaultFirst : from.isBefore(dataFirst) ? dataFirst : from;
        LocalDate last = to == null ? defaultLast : to.isAfter(dataLast) ? dataLast : to;
        LocalDate firstWednesday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        long count = firstWednesday.isAfter(last) ? 0 : ChronoUnit.WEEKS.between(firstWednesday, last) + 1;
        if (count > maxPoints) {
            throw PayloadTooLargeException.count("From " + first + " to " + last, count, "weekly points", maxPoints,
                    "limits.series-points", "Narrow from and to.");
        }
        if (count == 0) {
            throw BadInputException.of(from != null ? "from" : "to", "leaves no Wednesday between " + first + " and "
                    + last + " (the files hold " + dataFirst + " to " + dataLast + ")");
        }
        LocalDate start = firstWednesday;
        while (!start.minusWeeks(1).isBefore(dataFirst) && !start.minusWeeks(1).isBefore(firstWednesday.minusDays(historyDays))) {
            start = start.minusWeeks(1);
        }
        TreeMap<LocalDate, Double> onRrpPeakSoFar = runningMax(bySeries.get(FredSeries.RRPONTSYD));
        Published ioer = bySeries.get(FredSeries.IOER);
        Published iorb = bySeries.get(FredSeries.IORB);
        // IOER stands for the rate on reserves until IORB replaced it (rateOnReserves)
        LocalDate ioerUntil = ioer == null ? LocalDate.MIN
                : iorb == null || iorb.first() == null ? LocalDate.MAX : iorb.firstPublished();
        List<MarketSnapshot> points = new ArrayList<>((int) count);
        Published sofr = bySeries.get(FredSeries.SOFR);
        for (LocalDate day = start; !day.isAfter(last); day = day.plusWeeks(1)) {
            Map<Input, Double> figures = new EnumMap<>(Input.class);
            // the day whose SOFR the point reads: its percentiles and volume are that day's
            LocalDate sofrDay = sofr == null ? null : sofr.observedOn(day);
            for (Map.Entry<FredSeries, Published> series : bySeries.entrySet()) {
                FredSeries code = series.getKey();
                if (code == FredSeries.IOER || code.reading() == FredSeries.Reading.ORDINARY_DAYS_MEDIAN) {
                    continue; // read once the rate on reserves is known
                }
                Double value = code.reading() == FredSeries.Reading.SAME_DAY_AS_SOFR
                        ? (sofrDay == null ? null : series.getValue().observed(sofrDay))
                        : series.getValue().on(day);
                if (value != null) {
                    figures.putIfAbsent(code.input(), value); // fed by two series: the first listed wins
                }
            }
            if (!figures.containsKey(Input.IORB_PCT) && day.isBefore(ioerUntil)) {
                Double rate = ioer.on(day);
                if (rate != null) {
                    figures.put(Input.IORB_PCT, rate);
                }
            }
            Double iorbNow = figures.get(Input.IORB_PCT);
            for (Map.Entry<FredSeries, Published> series : bySeries.entrySet()) {
                if (series.getKey().reading() == FredSeries.Reading.ORDINARY_DAYS_MEDIAN
                        && !figures.containsKey(series.getKey().input())) {
                    Double value = series.getValue().ordinaryDaysMedian(day, iorbNow,
                            observed -> rateOnReserves(iorb, ioer, ioerUntil, observed));
                    if (value != null) {
                        figures.put(series.getKey().input(), value);
                    }
                }
            }
            MarketSnapshot.Builder point = MarketSnapshot.on(day);
            figures.forEach(point::with);
            points.add(point.with(Input.ON_RRP_PEAK_BN, asOf(onRrpPeakSoFar, day))
                    .runoff(calendar == null ? null : calendar.on(day)).build());
        }
        return new Weekly(points, firstWednesday);
    }

    /**
     * One series by the day each figure became known: publication date to (observation date, value), with its
     * reading applied (a monthly index already turned into its change on a year earlier).
     */
    record Published(FredSeries series, TreeMap<LocalDate, Map.Entry<LocalDate, Double>> byPublication,
            TreeMap<LocalDate, Map.Entry<LocalDate, Double>> observations) {

        static Published of(Observations observations) {
            FredSeries series = observations.series();
            TreeMap<LocalDate, Double> values = observations.values();
            if (series == FredSeries.RPONTTLD) {
                values = new TreeMap<>(values.tailMap(FredSeries.STANDING_REPO_FROM, true));
            }
            if (series.reading() == FredSeries.Reading.YEAR_ON_YEAR) {
                values = yearOnYear(series, values);
            }
            TreeMap<LocalDate, Map.Entry<LocalDate, Double>> published = new TreeMap<>();
            TreeMap<LocalDate, Map.Entry<LocalDate, Double>> byObservation = new TreeMap<>();
            values.forEach((observed, value) -> {
                published.merge(series.publishedOn(observed), Map.entry(observed, value),
                        (a, b) -> a.getKey().isAfter(b.getKey()) ? a : b);
                byObservation.put(observed, Map.entry(series.publishedOn(observed), value));
            });
            return new Published(series, published, byObservation);
        }

        /**
         * The date of the observation a reader had on {@code day}, as {@link #on} reads it (the latest published,
         * not stale), or null.
         */
        LocalDate observedOn(LocalDate day) {
            Map.Entry<LocalDate, Map.Entry<LocalDate, Double>> latest = byPublication.floorEntry(day);
            if (latest == null || latest.getValue().getKey()
                    .isBefore(day.minusDays(series.schedule().staleAfterDays()))) {
                return null;
            }
            return latest.getValue().getKey();
        }

        /** The figure observed on {@code date} exactly, or null (a day without one). */
        Double observed(LocalDate date) {
            Map.Entry<LocalDate, Double> figure = observations.get(date);
            return figure == null ? null : figure.getValue();
        }

        /**
         * The figure in force on {@code effective} (the latest observed on or before it, as a rate set from a date
         * holds), as published by {@code day}; null when none was.
         */
        Double effectiveOn(LocalDate effective, LocalDate day) {
            Map.Entry<LocalDate, Map.Entry<LocalDate, Double>> figure = observations.floorEntry(effective);
            return figure == null || figure.getValue().getKey().isAfter(day) ? null : figure.getValue().getValue();
        }

        /**
         * The median of the figures published in the week to {@code day} and observed on ordinary days at the rate on
         * reserves {@code iorb} ({@link FredSeries.Reading#ORDINARY_DAYS_MEDIAN}); null when none was.
         */
        Double ordinaryDaysMedian(LocalDate day, Double iorb, java.util.function.Function<LocalDate, Double> iorbOn) {
            if (iorb == null) {
                return null;
            }
            List<Double> ordinary = new ArrayList<>();
            List<Double> atThatRate = new ArrayList<>();
            for (Map.Entry<LocalDate, Map.Entry<LocalDate, Double>> published : byPublication
                    .subMap(day.minusDays(7), false, day, true).entrySet()) {
                LocalDate observed = published.getValue().getKey();
                Double rate = iorbOn.apply(observed);
                if (rate == null || Math.abs(rate - iorb) > 1e-9) {
                    continue;
                }
                atThatRate.add(published.getValue().getValue());
                if (!PeriodEnds.isPremiumDay(observed)) {
                    ordinary.add(published.getValue().getValue());
                }
            }
            return median(ordinary.isEmpty() ? atThatRate : ordinary);
        }

        /** The date of the first observation, or null. */
        LocalDate first() {
            return byPublication.values().stream().map(Map.Entry::getKey).min(LocalDate::compareTo).orElse(null);
        }

        /** The date of the last observation, or null. */
        LocalDate last() {
            return byPublication.isEmpty() ? null : byPublication.lastEntry().getValue().getKey();
        }

        LocalDate firstPublished() {
            return byPublication.firstKey();
        }

        /** What a reader knew of this series on {@code day}: per its reading, or null when stale or unknown. */
        Double on(LocalDate day) {
            if (series.reading() == FredSeries.Reading.WEEK_HIGH) {
                Double high = null;
                for (Map.Entry<LocalDate, Double> figure : byPublication.subMap(day.minusDays(7), false, day, true)
                        .values()) {
                    high = high == null ? figure.getValue() : Math.max(high, figure.getValue());
                }
                return high;
            }
            Map.Entry<LocalDate, Map.Entry<LocalDate, Double>> latest = byPublication.floorEntry(day);
            if (latest == null || latest.getValue().getKey()
                    .isBefore(day.minusDays(series.schedule().staleAfterDays()))) {
                return null;
            }
            return latest.getValue().getValue();
        }
    }

    /**
     * The rate on reserves in force on {@code day}: IORB, or IOER before IORB replaced it ({@code ioerUntil}); null
     * when neither is known. Both are set from their effective dates and published the same day.
     */
    private static Double rateOnReserves(Published iorb, Published ioer, LocalDate ioerUntil, LocalDate day) {
        Double rate = iorb == null ? null : iorb.effectiveOn(day, day);
        if (rate == null && ioer != null && day.isBefore(ioerUntil)) {
            rate = ioer.effectiveOn(day, day);
        }
        return rate;
    }

    /**
     * A monthly index as its change on the same month a year earlier, in %, for the months that have one; a change
     * outside its figure's bounds (an index that jumped a hundredfold) is refused, naming the month.
     */
    static TreeMap<LocalDate, Double> yearOnYear(FredSeries series, TreeMap<LocalDate, Double> index) {
        TreeMap<LocalDate, Double> changes = new TreeMap<>();
        List<FieldError> errors = new ArrayList<>();
        index.forEach((month, value) -> {
            Double yearEarlier = index.get(month.minusYears(1));
            if (yearEarlier != null && yearEarlier > 0) {
                double change = UnitFormat.round2(100 * (value / yearEarlier - 1));
                if (series.input().bounds().contains(change)) {
                    changes.put(month, change);
                } else if (errors.size() < 50) {
                    errors.add(new FieldError(series + " " + month, "its change on " + month.minusYears(1) + " is "
                            + UnitFormat.plain(change) + "%, and " + series.input().field() + " must be "
                            + series.input().bounds().describe()));
                }
            }
        });
        if (!errors.isEmpty()) {
            throw new BadInputException("The " + series + " file has " + errors.size() + " implausible change(s) on a"
                    + " year earlier, first: " + errors.get(0).field() + " " + errors.get(0).message(), errors);
        }
        return changes;
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The highest value seen up to each date: the ON RRP reference peak, from the whole download. */
    private static TreeMap<LocalDate, Double> runningMax(Published series) {
        TreeMap<LocalDate, Double> peaks = new TreeMap<>();
        if (series != null) {
            double peak = Double.NEGATIVE_INFINITY;
            for (Map.Entry<LocalDate, Map.Entry<LocalDate, Double>> figure : series.byPublication().entrySet()) {
                if (figure.getValue().getValue() > peak) {
                    peak = figure.getValue().getValue();
                    peaks.put(figure.getKey(), peak);
                }
            }
        }
        return peaks;
    }

    private static Double asOf(TreeMap<LocalDate, Double> series, LocalDate day) {
        Map.Entry<LocalDate, Double> latest = series.floorEntry(day);
        return latest == null ? null : latest.getValue();
    }

}
