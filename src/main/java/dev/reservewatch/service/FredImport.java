package dev.reservewatch.service;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
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
import dev.reservewatch.contract.Runoff;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.error.PayloadTooLargeException;

/**
 * Turns FRED downloads into a weekly series of snapshots: one point each Wednesday (the day of the Fed's
 * weekly balance sheet), each figure the latest observation on or before that day, and the runoff from a
 * policy calendar. The ON RRP reference peak is the highest balance in the whole download up to each
 * point, so a backtest starting late still knows the buffer's size. A daily or weekly figure older than {@link #STALE_AFTER_DAYS} days counts as absent;
 * IOER, a series of step changes, is used as it stands until IORB begins.
 */
public final class FredImport {

    /** An observation this many days older than the point no longer describes it. */
    public static final int STALE_AFTER_DAYS = 14;

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
                    errors.add(new FieldError(code + " line " + line + " column 1", "not an ISO date: '" + clip(row.get(0)) + "'"));
                    continue;
                }
                String text = row.get(1);
                if (text.isEmpty() || text.equals(".")) {
                    continue;
                }
                try {
                    double value = Double.parseDouble(text);
                    if (!Double.isFinite(value)) {
                        throw new NumberFormatException();
                    }
                    values.put(date, value * series.scale());
                } catch (NumberFormatException e) {
                    errors.add(new FieldError(code + " line " + line + " column 2", "not a number: '" + clip(text) + "'"));
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
     * Weekly points, each Wednesday from {@code from} to {@code to}, both optional and both clamped to the
     * data: by default from the first reserves observation (or the first observation of any series) to the
     * last observation of any series. The number of points is counted from the range before any is built:
     * more than {@code maxPoints} is refused (413), however few rows the files hold.
     */
    public static List<MarketSnapshot> weekly(List<Observations> all, RunoffCalendar calendar, LocalDate from,
            LocalDate to, int maxPoints) {
        Map<FredSeries, TreeMap<LocalDate, Double>> bySeries = new EnumMap<>(FredSeries.class);
        for (Observations observations : all) {
            bySeries.put(observations.series(), observations.values());
        }
        LocalDate dataFirst = bySeries.values().stream().filter(s -> !s.isEmpty()).map(TreeMap::firstKey)
                .min(LocalDate::compareTo).orElse(null);
        LocalDate dataLast = lastDate(bySeries);
        if (dataFirst == null || dataLast == null) {
            throw BadInputException.of("files", "no observations in any file");
        }
        LocalDate first = from == null ? firstDate(bySeries, dataFirst) : from.isBefore(dataFirst) ? dataFirst : from;
        LocalDate last = to == null || to.isAfter(dataLast) ? dataLast : to;
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
        TreeMap<LocalDate, Double> onRrpPeakSoFar = runningMax(bySeries.get(FredSeries.RRPONTSYD));
        List<MarketSnapshot> points = new ArrayList<>((int) count);
        for (LocalDate day = firstWednesday; !day.isAfter(last); day = day.plusWeeks(1)) {
            Double iorb = asOf(bySeries.get(FredSeries.IORB), day, STALE_AFTER_DAYS);
            if (iorb == null && bySeries.containsKey(FredSeries.IOER)
                    && !startsBefore(bySeries.get(FredSeries.IORB), day)) {
                iorb = asOf(bySeries.get(FredSeries.IOER), day, Integer.MAX_VALUE);
            }
            Runoff runoff = calendar == null ? null : calendar.on(day);
            points.add(new MarketSnapshot(day,
                    asOf(bySeries.get(FredSeries.WRESBAL), day, STALE_AFTER_DAYS),
                    asOf(bySeries.get(FredSeries.WALCL), day, STALE_AFTER_DAYS),
                    asOf(bySeries.get(FredSeries.TREAST), day, STALE_AFTER_DAYS),
                    asOf(bySeries.get(FredSeries.WSHOMCB), day, STALE_AFTER_DAYS),
                    asOf(bySeries.get(FredSeries.RRPONTSYD), day, STALE_AFTER_DAYS),
                    asOf(onRrpPeakSoFar, day, Integer.MAX_VALUE), iorb,
                    asOf(bySeries.get(FredSeries.EFFR), day, STALE_AFTER_DAYS),
                    asOf(bySeries.get(FredSeries.SOFR), day, STALE_AFTER_DAYS),
                    null,
                    asOf(bySeries.get(FredSeries.DFEDTARL), day, STALE_AFTER_DAYS),
                    asOf(bySeries.get(FredSeries.DFEDTARU), day, STALE_AFTER_DAYS),
                    null, null, null, null, null, null, runoff, null));
        }
        return points;
    }

    /** The highest value seen up to each date: the ON RRP reference peak, from the whole download. */
    private static TreeMap<LocalDate, Double> runningMax(TreeMap<LocalDate, Double> series) {
        TreeMap<LocalDate, Double> peaks = new TreeMap<>();
        if (series != null) {
            double peak = Double.NEGATIVE_INFINITY;
            for (Map.Entry<LocalDate, Double> observation : series.entrySet()) {
                if (observation.getValue() > peak) {
                    peak = observation.getValue();
                    peaks.put(observation.getKey(), peak);
                }
            }
        }
        return peaks;
    }

    private static boolean startsBefore(TreeMap<LocalDate, Double> series, LocalDate day) {
        return series != null && !series.isEmpty() && !series.firstKey().isAfter(day);
    }

    private static Double asOf(TreeMap<LocalDate, Double> series, LocalDate day, int staleAfterDays) {
        if (series == null) {
            return null;
        }
        Map.Entry<LocalDate, Double> latest = series.floorEntry(day);
        if (latest == null || latest.getKey().isBefore(day.minusDays(staleAfterDays))) {
            return null;
        }
        return latest.getValue();
    }

    /** The default start: the first reserves observation, else the first of any series. */
    private static LocalDate firstDate(Map<FredSeries, TreeMap<LocalDate, Double>> bySeries, LocalDate anyFirst) {
        TreeMap<LocalDate, Double> reserves = bySeries.get(FredSeries.WRESBAL);
        return reserves != null && !reserves.isEmpty() ? reserves.firstKey() : anyFirst;
    }

    private static LocalDate lastDate(Map<FredSeries, TreeMap<LocalDate, Double>> bySeries) {
        return bySeries.values().stream().filter(s -> !s.isEmpty()).map(TreeMap::lastKey).max(LocalDate::compareTo)
                .orElse(null);
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
