package dev.reservewatch.contract;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /rules/validate} in JSON: rule files by name. The resource reads it by hand, so that every
 * bound is checked before the work it bounds; this record is what the API description gives.
 */
@Schema(name = "DraftFiles", description = "Rule files by name: each name letters, digits, '.', '_' or '-', "
        + "ending in .drl; each value the file's DRL text")
public record DraftFiles(@Schema(required = true, description = "File name to DRL text") Map<String, String> files) {
}
