package dev.reservewatch.contract;

import java.time.LocalDate;
import java.util.List;

import dev.reservewatch.model.ReserveRegime;

/** A verdict in a series answer's compact view: the date, the regime and the codes, no prose. */
public record CompactVerdict(LocalDate asOf, ReserveRegime regime, List<String> actions, List<String> signals,
        List<String> missingInputs) {

    public static CompactVerdict of(Verdict verdict) {
        PointCodes codes = verdict.codes();
        return new CompactVerdict(verdict.asOf(), codes.regime(), codes.actions(), codes.signals(),
                verdict.missingInputs());
    }
}
