package dev.reservewatch.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.FieldError;
import dev.reservewatch.error.PayloadTooLargeException;
import dev.reservewatch.model.DateBounds;
import dev.reservewatch.service.FredSeries;

/**
 * A FRED upload as {@code POST /backtests/fred} takes it: one part per series, named by its FRED code (a file,
 * or a form value holding the CSV), and the optional parts {@code policy} (a runoff calendar), {@code from},
 * {@code to} and {@code view} (form values). Every part and all of them together are checked against the
 * series limit before any is read; a part sent twice, a file where a form value belongs and an unknown part
 * are refused, all named at once.
 */
record FredUpload(Map<String, String> downloads, byte[] policy, LocalDate from, LocalDate to, String view) {

    private static final List<String> FORM_VALUES = List.of("from", "to", "view");

    static FredUpload read(MultipartFormDataInput form, long limit) {
        List<FieldError> problems = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Collection<FormValue>> part : form.getValues().entrySet()) {
            String name = part.getKey();
            if (part.getValue().size() > 1) {
                problems.add(new FieldError(name, "is sent " + part.getValue().size() + " times; send each part once"));
            }
            for (FormValue value : part.getValue()) {
                long size = sizeOf(value);
                PayloadTooLargeException.checkBytes("part " + name, size, limit, "limits.series-body");
                total += size;
            }
            if (FORM_VALUES.contains(name) && part.getValue().iterator().next().isFileItem()) {
                problems.add(new FieldError(name, "is a form value, not a file: send " + name + "=..."));
            } else if (!FORM_VALUES.contains(name) && !name.equals("policy") && FredSeries.byCode(name).isEmpty()) {
                problems.add(new FieldError(name, "is not a series the import knows; known: " + FredSeries.codes()
                        + ", plus the parts policy, from, to, view"));
            }
        }
        PayloadTooLargeException.checkBytes("upload", total, limit, "limits.series-body, over all its parts");
        if (!problems.isEmpty()) {
            throw new BadInputException(problems.size() + " bad part(s), first: " + problems.get(0).field() + " "
                    + problems.get(0).message(), problems);
        }
        Map<String, String> downloads = new LinkedHashMap<>();
        byte[] policy = null;
        LocalDate from = null;
        LocalDate to = null;
        String view = "compact";
        for (Map.Entry<String, Collection<FormValue>> part : form.getValues().entrySet()) {
            String name = part.getKey();
            FormValue value = part.getValue().iterator().next();
            switch (name) {
                case "policy" -> policy = bytes(value);
                case "from" -> from = date(name, value.getValue());
                case "to" -> to = date(name, value.getValue());
                case "view" -> view = value.getValue();
                default -> downloads.put(name, new String(bytes(value), StandardCharsets.UTF_8));
            }
        }
        return new FredUpload(downloads, policy, from, to, view);
    }

    static LocalDate date(String name, String value) {
        LocalDate date;
        try {
            date = value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BadInputException.of(name, "must be an ISO date such as 2018-01-03");
        }
        if (date != null && !DateBounds.ALL.contains(date)) {
            throw BadInputException.of(name, "must be a date " + DateBounds.ALL.describe() + " (was " + date + ")");
        }
        return date;
    }

    private static long sizeOf(FormValue value) {
        if (!value.isFileItem()) {
            return value.getValue() == null ? 0 : value.getValue().length();
        }
        try {
            return value.getFileItem().getFileSize();
        } catch (IOException e) {
            throw new UncheckedIOException("an uploaded part could not be measured", e);
        }
    }

    private static byte[] bytes(FormValue value) {
        try {
            return value.isFileItem() ? Files.readAllBytes(value.getFileItem().getFile())
                    : value.getValue().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("an uploaded part could not be read back", e);
        }
    }
}
