package dev.reservewatch.watch.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import dev.reservewatch.service.FredImport;
import dev.reservewatch.service.FredSeries;

/**
 * The data folder's series: one file per series, {@code SERIES.csv}, in FRED's own download layout (header
 * {@code observation_date,SERIES}, then {@code date,value} rows, an empty value where FRED has none), so that
 * {@link FredImport} reads the folder as it reads FRED downloads. Each file is replaced atomically
 * ({@link AtomicFiles}); a file that cannot be read is taken as absent and fetched again from the start.
 */
public final class SeriesStore {

    private static final Logger LOG = Logger.getLogger(SeriesStore.class);

    private final Path dir;

    public SeriesStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path file(String code) {
        return dir.resolve(code + ".csv");
    }

    /** What the folder keeps of {@code code}; empty without a file, or with one that is not a series file. */
    public KeptSeries read(String code) {
        Path file = file(code);
        if (!Files.isRegularFile(file)) {
            return KeptSeries.empty(code);
        }
        try {
            return parse(code, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("The kept file of %s is unreadable (%s): it is fetched again from the start", code, e.getMessage());
            return KeptSeries.empty(code);
        }
    }

    /**
     * Lays {@code fetched} (every observation FRED has from {@code from} on; {@code from} null for the whole
     * series) over what is kept: kept observations before {@code from} stay, those from {@code from} on are
     * replaced, so that revised values take effect and a date FRED no longer lists goes. FRED's "." (no value)
     * fills a date kept without one but never erases a kept number. The file is written only if something changed;
     * a value that FRED writes with other decimals but is the same number is not a change.
     */
    public Merge merge(String code, LocalDate from, NavigableMap<LocalDate, String> fetched) {
        KeptSeries kept = read(code);
        TreeMap<LocalDate, String> merged = new TreeMap<>(from == null ? Map.of() : kept.values().headMap(from, false));
        LocalDate keptLast = kept.isEmpty() ? null : kept.values().lastKey();
        int added = 0;
        int revised = 0;
        for (Map.Entry<LocalDate, String> entry : fetched.entrySet()) {
            LocalDate date = entry.getKey();
            String value = entry.getValue();
            boolean known = kept.values().containsKey(date);
            String before = kept.values().get(date);
            if (known && (sameNumber(before, value) || value == null)) {
                // a "." over a kept number is no withdrawal FRED makes: the number stays
                merged.put(date, before);
                continue;
            }
            merged.put(date, value);
            if (!known && (keptLast == null || date.isAfter(keptLast))) {
                added++;
            } else {
                revised++;
            }
        }
        int removed = 0;
        if (from != null) {
            for (LocalDate date : kept.values().tailMap(from, true).keySet()) {
                if (!fetched.containsKey(date)) {
                    removed++;
                }
            }
        }
        KeptSeries result = new KeptSeries(code, merged);
        if (added + revised + removed > 0 || !Files.isRegularFile(file(code))) {
            AtomicFiles.write(file(code), format(result).getBytes(StandardCharsets.UTF_8));
        }
        return new Merge(result, added, revised, removed);
    }

    /** What a merge did: observations new after the last kept one, revised (or filled in), and withdrawn. */
    public record Merge(KeptSeries series, int added, int revised, int removed) {

        public boolean changed() {
            return added + revised + removed > 0;
        }
    }

    /**
     * Every kept series the FRED import knows, read as it reads uploaded files: the input of
     * {@link FredImport#weekly}.
     */
    public List<FredImport.Observations> observations() {
        List<FredImport.Observations> all = new ArrayList<>();
        for (FredSeries series : FredSeries.values()) {
            Path file = file(series.name());
            if (Files.isRegularFile(file)) {
                try {
                    all.add(FredImport.parse(series.name(), Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read " + file.getFileName(), e);
                }
            }
        }
        return all;
    }

    /** The FRED download layout: {@code observation_date,CODE}, then one {@code date,value} row per date. */
    static String format(KeptSeries series) {
        StringBuilder csv = new StringBuilder(32 + series.values().size() * 20);
        csv.append("observation_date,").append(series.code()).append('\n');
        series.values().forEach((date, value) -> csv.append(date).append(',').append(value == null ? "" : value).append('\n'));
        return csv.toString();
    }

    /**
     * Reads a series file: the header {@code observation_date,CODE}, {@code DATE,CODE}, {@code Date,Value} or
     * {@code date,value}, then ISO dates with a number, an empty value or ".".
     */
    static KeptSeries parse(String code, String csv) {
        String[] lines = csv.split("\r?\n");
        if (lines.length == 0 || !header(code, lines[0].strip())) {
            throw new IllegalArgumentException("no series header");
        }
        TreeMap<LocalDate, String> values = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.indexOf(',');
            if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not date,value");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(line.substring(0, comma).strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " has no ISO date");
            }
            values.put(date, valueText(line.substring(comma + 1)).orElse(null));
        }
        return new KeptSeries(code, values);
    }

    /** A value as FRED writes it: empty for "." or an empty field, the number text otherwise (a non-number throws). */
    public static Optional<String> valueText(String raw) {
        String text = raw.strip();
        if (text.isEmpty() || text.equals(".")) {
            return Optional.empty();
        }
        if (text.length() > 40) {
            throw new IllegalArgumentException("not a number: '" + text.substring(0, 40) + "...'");
        }
        try {
            new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + text + "'");
        }
        return Optional.of(text);
    }

    private static boolean header(String code, String line) {
        String[] columns = line.split(",", -1);
        if (columns.length != 2) {
            return false;
        }
        String date = columns[0].strip().toLowerCase();
        String value = columns[1].strip();
        return (date.equals("observation_date") || date.equals("date"))
                && (value.equalsIgnoreCase(code) || value.equalsIgnoreCase("value"));
    }

    private static boolean sameNumber(String a, String b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    }
}
