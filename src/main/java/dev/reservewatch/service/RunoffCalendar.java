package dev.reservewatch.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reservewatch.contract.PolicyEvent;
import dev.reservewatch.contract.Runoff;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.model.DateBounds;

/**
 * The balance-sheet policy over time, which FRED does not carry: the dates on which the runoff started,
 * its caps changed, or it ended. {@link #on(LocalDate)} gives the policy in force on a date (unknown before
 * the first event). The calendar from the public record, 2017 on, ships as {@link #SHIPPED}.
 */
public final class RunoffCalendar {

    public static final String SHIPPED = "/backtest/policy-calendar.json";


    @JsonIgnoreProperties(value = { "name", "source" })
    record Document(String name, String source, List<PolicyEvent> events) {
    }

    private final List<PolicyEvent> events;

    public RunoffCalendar(List<PolicyEvent> events) {
        List<PolicyEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(PolicyEvent::date));
        this.events = List.copyOf(sorted);
    }

    public static RunoffCalendar shipped(ObjectMapper mapper) {
        try (InputStream in = RunoffCalendar.class.getResourceAsStream(SHIPPED)) {
            return read(mapper, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped runoff calendar cannot be read", e);
        }
    }

    /** Reads {@code {"events": [{"date", "active", "treasuryCapBn", "mbsCapBn", "note"}]}}. */
    public static RunoffCalendar read(ObjectMapper mapper, byte[] json) {
        Document document;
        try {
            document = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(json, Document.class);
        } catch (IOException e) {
            throw new BadInputException("policy: " + e.getMessage(), List.of(new FieldError("policy",
                    "must be {\"events\": [{\"date\": \"2022-06-01\", \"active\": true, \"treasuryCapBn\": 30, "
                            + "\"mbsCapBn\": 17.5, \"purchasesActive\": false}]}")));
        }
        if (document.events() == null || document.events().isEmpty()) {
            throw BadInputException.of("policy.events", "must list at least one policy change");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < document.events().size(); i++) {
            PolicyEvent event = document.events().get(i);
            if (event.date() == null) {
                errors.add(new FieldError("policy.events[" + i + "].date", "is required"));
            } else if (!DateBounds.ALL.contains(event.date())) {
                errors.add(new FieldError("policy.events[" + i + "].date", "must be a date " + DateBounds.ALL.describe()
                        + " (was " + event.date() + ")"));
            }
            checkCap(event.treasuryCapBn(), "policy.events[" + i + "].treasuryCapBn", errors);
            checkCap(event.mbsCapBn(), "policy.events[" + i + "].mbsCapBn", errors);
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("The policy calendar has " + errors.size() + " problem(s)", errors);
        }
        return new RunoffCalendar(document.events());
    }

    /** A cap is read as a snapshot's runoff cap is: a finite number within {@link Runoff#CAP_BOUNDS}. */
    private static void checkCap(Double cap, String field, List<FieldError> errors) {
        if (cap != null && !Double.isFinite(cap)) {
            errors.add(new FieldError(field, "must be a finite number"));
        } else if (cap != null && !Runoff.CAP_BOUNDS.contains(cap)) {
            errors.add(new FieldError(field, "must be " + Runoff.CAP_BOUNDS.describe() + " (was " + cap + ")"));
        }
    }

    /** The policy in force on this date, or null before the first event. */
    public Runoff on(LocalDate date) {
        Runoff inForce = null;
        Boolean purchases = null;
        for (PolicyEvent event : events) {
            if (event.date().isAfter(date)) {
                break;
            }
            purchases = event.purchasesActive() != null ? event.purchasesActive() : purchases;
            inForce = new Runoff(event.active(), event.treasuryCapBn(), event.mbsCapBn(), purchases);
        }
        return inForce;
    }

    public List<PolicyEvent> events() {
        return events;
    }
}
