package dev.reservewatch.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.reservewatch.service.FredImport;
import dev.reservewatch.watch.store.AtomicFiles;
import dev.reservewatch.watch.store.KeptSeries;
import dev.reservewatch.watch.store.SeriesStore;

/** The data folder: FRED's layout, merges with a look-back, and files that are never seen half written. */
class SeriesStoreTest {

    @TempDir
    Path dir;

    static final LocalDate D1 = LocalDate.of(2025, 9, 17);
    static final LocalDate D2 = LocalDate.of(2025, 9, 24);
    static final LocalDate D3 = LocalDate.of(2025, 10, 1);

    static TreeMap<LocalDate, String> rows(Object... dateValue) {
        TreeMap<LocalDate, String> rows = new TreeMap<>();
        for (int i = 0; i < dateValue.length; i += 2) {
            rows.put((LocalDate) dateValue[i], (String) dateValue[i + 1]);
        }
        return rows;
    }

    @Test
    void keepsFredsDownloadLayoutWhichTheImportReads() throws Exception {
        SeriesStore store = new SeriesStore(dir);
        store.merge("WALCL", null, rows(D1, "6608000", D2, null, D3, "6572732.0000"));
        assertThat(Files.readString(store.file("WALCL"))).isEqualTo(
                "observation_date,WALCL\n2025-09-17,6608000\n2025-09-24,\n2025-10-01,6572732.0000\n");
        FredImport.Observations read = FredImport.parse("WALCL", Files.readString(store.file("WALCL")));
        assertThat(read.values()).containsOnlyKeys(D1, D3).containsEntry(D3, 6572.732);
    }

    @Test
    void aMergeReplacesTheLookBackWindowButNeverErasesANumberWithADot() {
        SeriesStore store = new SeriesStore(dir);
        store.merge("EFFR", null, rows(D1, "4.33", D2, "4.33", D3, "4.09"));
        SeriesStore.Merge merge = store.merge("EFFR", D2, rows(D2, "4.3300", D3, null, D3.plusDays(1), "4.10"));
        assertThat(merge.added()).isEqualTo(1);
        assertThat(merge.revised()).as("4.3300 is 4.33; a dot over 4.09 is no revision").isZero();
        assertThat(merge.series().values()).containsEntry(D1, "4.33").containsEntry(D2, "4.33").containsEntry(D3, "4.09");
        SeriesStore.Merge revised = store.merge("EFFR", D2, rows(D2, "4.31", D3, "4.09", D3.plusDays(1), "4.10"));
        assertThat(revised.revised()).isEqualTo(1);
        assertThat(store.read("EFFR").values()).containsEntry(D2, "4.31");
        SeriesStore.Merge withdrawn = store.merge("EFFR", D2, rows(D2, "4.31", D3.plusDays(1), "4.10"));
        assertThat(withdrawn.removed()).as("a date FRED no longer lists goes").isEqualTo(1);
        assertThat(store.read("EFFR").values()).doesNotContainKey(D3);
    }

    @Test
    void readsEachHeaderTheProjectsFilesUseAndTakesAnUnreadableFileAsAbsent() throws Exception {
        SeriesStore store = new SeriesStore(dir);
        Files.writeString(store.file("WSHOMCB"), "date,value\n2025-09-17,2100000\n2025-09-24,.\n");
        assertThat(store.read("WSHOMCB").values()).containsEntry(D1, "2100000").containsEntry(D2, null);
        Files.writeString(store.file("EFFR"), "Date,Value\n2025-09-17,4.33\n");
        assertThat(store.read("EFFR").lastObservation()).isEqualTo(D1);
        Files.writeString(store.file("SOFR"), "<html>not a series</html>\n");
        assertThat(store.read("SOFR").isEmpty()).isTrue();
        Files.writeString(store.file("IORB"), "observation_date,IORB\n2025-09-17,high\n");
        assertThat(store.read("IORB").isEmpty()).isTrue();
    }

    @Test
    void aReaderSeesTheOldFileOrTheNewOneNeverAPart() throws Exception {
        Path file = dir.resolve("BIG.csv");
        String a = "a".repeat(4 << 20);
        String b = "b".repeat(4 << 20);
        AtomicFiles.write(file, a.getBytes(StandardCharsets.UTF_8));
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    String seen = Files.readString(file);
                    assertThat(seen.equals(a) || seen.equals(b)).as("a whole file").isTrue();
                    reads.incrementAndGet();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        });
        reader.start();
        for (int i = 0; i < 20; i++) {
            AtomicFiles.write(file, (i % 2 == 0 ? b : a).getBytes(StandardCharsets.UTF_8));
        }
        done.set(true);
        reader.join();
        assertThat(reads.get()).isPositive();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aWriteCutShortLeavesTheOldFileAndALeftoverThatIsCleanedAway() throws Exception {
        SeriesStore store = new SeriesStore(dir);
        store.merge("WALCL", null, rows(D1, "6608000"));
        // what a process that died mid-write leaves: a part of the new file under a temporary name
        Files.writeString(dir.resolve(".WALCL.csv.5f1c.tmp"), "observation_date,WALCL\n2025-09-17,66");
        assertThat(store.read("WALCL")).isEqualTo(new KeptSeries("WALCL", rows(D1, "6608000")));
        AtomicFiles.removeLeftovers(dir);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(store.file("WALCL"));
        }
    }
}
