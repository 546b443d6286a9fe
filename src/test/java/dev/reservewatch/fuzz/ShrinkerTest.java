package dev.reservewatch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The shrinker keeps what makes an input fail and drops the rest, for JSON, CSV lines and upload parts. */
class ShrinkerTest {

    private static Shrinker shrinker(String mustHold) {
        return new Shrinker(input -> (input.body() == null ? input.parts().toString() : input.body())
                .contains(mustHold), Duration.ofSeconds(10).toNanos());
    }

    @Test
    void keepsTheFieldThatFailsAndDropsTheOthersAndTheHistory() {
        String snapshot = new RandomInputs(42).snapshot(true).put("onRrpPeakBn", 1e308).toString();
        FuzzCase shrunk = shrinker("1.0E308").shrink(FuzzCase.of("/verdicts", "application/json", snapshot));
        assertThat(shrunk.body()).isEqualTo("{\"onRrpPeakBn\":1.0E308}");
    }

    @Test
    void keepsTheHeaderAndTheLineThatFails() {
        String csv = "asOf,reserveBalancesBn\n2025-10-01,1\n2025-10-08,0x1p1023\n2025-10-15,3\n2025-10-22,4\n";
        FuzzCase shrunk = shrinker("0x1p1023").shrink(FuzzCase.of("/verdicts/series", "text/csv", csv));
        assertThat(shrunk.body()).startsWith("asOf,reserveBalancesBn\n").contains("2025-10-08,0x1p1023")
                .doesNotContain("2025-10-01", "2025-10-22");
    }

    @Test
    void dropsTheUploadsPartsAndRowsThatDoNotMatter() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("WRESBAL", "DATE,WRESBAL\n2024-01-03,3000000\n2024-01-10,3000000\n");
        parts.put("CPIAUCSL", "DATE,CPIAUCSL\n2023-01-01,1e-300\n2024-01-01,300\n");
        FuzzCase shrunk = shrinker("1e-300").shrink(FuzzCase.upload(parts));
        assertThat(shrunk.parts()).containsOnlyKeys("CPIAUCSL");
        assertThat(shrunk.parts().get("CPIAUCSL")).doesNotContain("300\n").contains("1e-300");
    }
}
