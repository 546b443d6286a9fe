package dev.reservewatch.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reservewatch.config.LimitsConfig;
import dev.reservewatch.contract.DraftFiles;
import dev.reservewatch.contract.Impact;
import dev.reservewatch.contract.ImpactRequest;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.ReloadOutcome;
import dev.reservewatch.contract.RulesView;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.contract.ValidationReport;
import dev.reservewatch.engine.lifecycle.ActiveRuleset;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.PayloadTooLargeException;
import dev.reservewatch.service.DraftService;
import dev.reservewatch.service.SeriesService;

/** The rules: what is active and why an edit was refused, checking a draft, and reloading on demand. */
@Tag(name = "Rules", description = "The active rules, drafts checked and judged against history, saves and reloads")
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    /** Where the rule files are read and saved, one by name under it (BodyLimits bounds a save by it). */
    static final String FILES_PATH = "/rules/files/";

    private final ActiveRuleset rulesets;
    private final DraftService authoring;
    private final SeriesService series;
    private final SnapshotReader reader;
    private final LimitsConfig limits;

    public RulesResource(ActiveRuleset rulesets, DraftService authoring, SeriesService series,
            SnapshotReader reader, LimitsConfig limits) {
        this.rulesets = rulesets;
        this.authoring = authoring;
        this.series = series;
        this.reader = reader;
        this.limits = limits;
    }

    @GET
    @Operation(operationId = "getRules", summary = "The active ruleset", description = "Version, load time, files with their rules, "
            + "scenario results, rules that fire in no scenario, and the last refused edit with its errors.")
    @APIResponse(responseCode = "200", description = "The rules; version is null while none is active")
    @APIResponse(responseCode = "406", description = "The client accepts no JSON")
    public RulesView rules() {
        return RulesViews.of(rulesets.activation().orElse(null), rulesets.lastRejection().orElse(null),
                authoring.folderWritable());
    }

    @GET
    @Path("/files/{name}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "getRuleFile", summary = "The text of one file of the active ruleset", description = "As it serves now; the "
            + "file names are those GET /rules lists.")
    @APIResponse(responseCode = "200", description = "The DRL text")
    @APIResponse(responseCode = "404", description = "The active ruleset has no such file")
    @APIResponse(responseCode = "503", description = "No ruleset is active yet")
    public String file(@Parameter(description = "The file's name, as GET /rules lists it") @PathParam("name")
            String name) {
        return authoring.activeFile(name);
    }

    @PUT
    @Path("/files/{name}")
    @RulesTokens.RulesAdmin
    @Consumes(MediaType.TEXT_PLAIN)
    @SecurityRequirement(name = ApiDescription.RULES_TOKEN)
    @Operation(operationId = "saveRuleFile", summary = "Save one rule file into the rules folder and activate it",
            description = "Needs Authorization: Bearer <RULES_ADMIN_TOKEN>. The edit is checked first as the "
                    + "folder's own edits are (compile, scenarios); only an edit that would be taken is written, "
                    + "and the folder is then reloaded. A folder the service may not write (read-only, or a "
                    + "Kubernetes ConfigMap) is never written: 409.")
    @APIResponse(responseCode = "200", description = "ACTIVATED (or UNCHANGED when the file already held this text)")
    @APIResponse(responseCode = "400", description = "A bad file name or an empty body")
    @APIResponse(responseCode = "401", description = "Missing or wrong bearer token")
    @APIResponse(responseCode = "403", description = "No RULES_ADMIN_TOKEN is configured, or the author's token")
    @APIResponse(responseCode = "409", description = "The rules folder is read-only here")
    @APIResponse(responseCode = "413", description = "Above rules.drafts.max-file-size")
    @APIResponse(responseCode = "422", description = "The edit would be refused; nothing was written")
    @APIResponse(responseCode = "429", description = "Another draft holds the drafts' turn")
    @APIResponse(responseCode = "503", description = "No ruleset is active yet, or no process to judge drafts could be "
            + "started")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = SchemaType.STRING, description = "The file's DRL text")))
    public ReloadOutcome save(@Parameter(description = "The file's name: letters, digits, '.', '_' or '-', ending "
            + "in .drl") @PathParam("name") String name, byte[] body) {
        checkSize(body);
        if (body.length == 0) {
            throw BadInputException.of("body", "is empty: send the text of the .drl file");
        }
        return authoring.save(name, new String(body, StandardCharsets.UTF_8));
    }

    @POST
    @Path("/validate")
    @RulesTokens.RulesAuthor
    @Consumes(MediaType.TEXT_PLAIN)
    @SecurityRequirement(name = ApiDescription.RULES_TOKEN)
    @Operation(operationId = "validateRules", summary = "Compile a draft without activating or running it",
            description = "One DRL file as text/plain (named by file), or several as JSON {\"files\": {\"name.drl\": "
                    + "\"...\"}}; laid over the active ruleset (a file of the same name replaces its file) unless "
                    + "standalone=true.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = SchemaType.STRING, description = "One file's DRL text")))
    @APIResponse(responseCode = "200", description = "valid, with errors and warnings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ValidationReport.class)))
    @APIResponse(responseCode = "400", description = "Empty body, not {files: {name: text}}, or a bad file name")
    @APIResponse(responseCode = "401", description = "Missing or wrong bearer token")
    @APIResponse(responseCode = "403", description = "No rules token is configured")
    @APIResponse(responseCode = "413", description = "Body above limits.validate-body, or above rules.drafts.*")
    @APIResponse(responseCode = "415", description = "Neither text/plain nor application/json")
    @APIResponse(responseCode = "429", description = "Another draft holds the drafts' turn")
    public ValidationReport validateFile(byte[] body,
            @Parameter(description = "With text/plain: the file's name (default draft.drl)") @QueryParam("file")
            @DefaultValue("draft.drl") String file,
            @Parameter(description = "true: compile the draft alone, not laid over the active files")
            @QueryParam("standalone") @DefaultValue("false") boolean standalone) {
        checkSize(body);
        if (body.length == 0) {
            throw BadInputException.of("body", "is empty: send the text of one .drl file");
        }
        return authoring.validate(Map.of(file, new String(body, StandardCharsets.UTF_8)), standalone);
    }

    @POST
    @Path("/validate")
    @RulesTokens.RulesAuthor
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDescription.RULES_TOKEN)
    @Operation(summary = "Compile a draft without activating or running it") // merged into validateRules
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DraftFiles.class)))
    public ValidationReport validateFiles(byte[] body,
            @Parameter(description = "true: compile the draft alone, not laid over the active files")
            @QueryParam("standalone") @DefaultValue("false") boolean standalone) {
        checkSize(body);
        JsonNode root = reader.parse(body);
        if (!root.isObject() || root.size() != 1) {
            throw BadInputException.of("files", "send {\"files\": {\"name.drl\": \"rule text\", ...}}");
        }
        return authoring.validate(drafts(root), standalone);
    }

    @POST
    @Path("/impact")
    @RulesTokens.RulesAuthor
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDescription.RULES_TOKEN)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImpactRequest.class)))
    @Operation(operationId = "rulesImpact", summary = "What a draft would change, judged against history before it goes live",
            description = "Body: {\"files\": {\"name.drl\": \"...\"}, \"points\": [snapshots]} (or \"pointsCsv\": \"CSV "
                    + "text\" instead of points). The "
                    + "draft, laid over the active files, is compiled apart (never activated), the active scenarios "
                    + "run on it, and every point (without points: the shipped weekly history) is judged by the "
                    + "active and the draft rules. A draft that fails to compile, or whose rule fails while judging, "
                    + "is answered 200 with valid=false and the error naming the rule; so is a draft whose rules run "
                    + "past rules.drafts.impact-timeout or end the process that judges them (out of memory, an exit).")
    @APIResponse(responseCode = "415", description = "Not application/json")
    @APIResponse(responseCode = "200", description = "valid, wouldActivate, errors, both versions, scenarios, "
            + "points, changed, differences (codes under each version), timings")
    @APIResponse(responseCode = "400", description = "Not {files, points?}, or bad points (named by index or line)")
    @APIResponse(responseCode = "401", description = "Missing or wrong bearer token")
    @APIResponse(responseCode = "403", description = "No rules token is configured")
    @APIResponse(responseCode = "413", description = "Above limits.series-body, limits.series-points or rules.drafts.*")
    @APIResponse(responseCode = "429", description = "Another draft holds the drafts' turn")
    @APIResponse(responseCode = "503", description = "No ruleset is active yet, or no process to judge drafts could be "
            + "started")
    public Impact impact(byte[] body) {
        series.checkBodySize(body);
        JsonNode root = reader.parse(body);
        if (!root.isObject()) {
            throw BadInputException.of("body", "send {\"files\": {\"name.drl\": \"rule text\"}, \"points\": [...]}");
        }
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!name.equals("files") && !name.equals("points") && !name.equals("pointsCsv")) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw BadInputException.of(unknown.get(0), "is not a field of an impact request: files, points, pointsCsv");
        }
        Map<String, String> drafts = drafts(root);
        JsonNode points = root.path("points");
        JsonNode csv = root.path("pointsCsv");
        List<MarketSnapshot> series = null;
        if (!points.isMissingNode() && !points.isNull() && !csv.isMissingNode() && !csv.isNull()) {
            throw BadInputException.of("pointsCsv", "send the points as snapshots (points) or as CSV (pointsCsv), "
                    + "not both");
        } else if (!points.isMissingNode() && !points.isNull()) {
            series = this.series.readJson(points, "points");
        } else if (!csv.isMissingNode() && !csv.isNull()) {
            if (!csv.isTextual()) {
                throw BadInputException.of("pointsCsv", "must be the text of a CSV series, a JSON string");
            }
            series = this.series.readCsv(csv.textValue().getBytes(StandardCharsets.UTF_8));
        }
        return authoring.impact(drafts, series);
    }

    @POST
    @Path("/reload")
    @RulesTokens.RulesAdmin
    @SecurityRequirement(name = ApiDescription.RULES_TOKEN)
    @Operation(operationId = "reloadRules", summary = "Reload the rules folder now",
            description = "Needs Authorization: Bearer <RULES_ADMIN_TOKEN>.")
    @APIResponse(responseCode = "200", description = "ACTIVATED, UNCHANGED or REJECTED (with the reason)")
    @APIResponse(responseCode = "401", description = "Missing or wrong bearer token")
    @APIResponse(responseCode = "403", description = "No RULES_ADMIN_TOKEN is configured")
    public ReloadOutcome reload() {
        return rulesets.reload();
    }

    /** The draft files of a request body: {@code files}, a non-empty object of name to text. */
    private static Map<String, String> drafts(JsonNode root) {
        JsonNode files = root.get("files");
        if (files == null || !files.isObject() || files.isEmpty()) {
            throw BadInputException.of("files", "send {\"files\": {\"name.drl\": \"rule text\", ...}}");
        }
        Map<String, String> drafts = new LinkedHashMap<>();
        files.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual()) {
                throw BadInputException.of("files." + entry.getKey(), "must be the file's text, a JSON string");
            }
            drafts.put(entry.getKey(), entry.getValue().textValue());
        });
        return drafts;
    }

    private void checkSize(byte[] body) {
        PayloadTooLargeException.checkBytes("draft", body.length, limits.validateBody().asLongValue(),
                "limits.validate-body");
    }
}
