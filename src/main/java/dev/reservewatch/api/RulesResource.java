package dev.reservewatch.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reservewatch.config.LimitsConfig;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.engine.ReloadOutcome;
import dev.reservewatch.engine.RulesetService;
import dev.reservewatch.engine.RulesetValidator;
import dev.reservewatch.error.BadInputException;
import dev.reservewatch.error.PayloadTooLargeException;

/** The rules: what is active and why an edit was refused, checking a draft, and reloading on demand. */
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    private final RulesetService rulesets;
    private final RulesetValidator validator;
    private final SnapshotReader reader;
    private final LimitsConfig limits;

    public RulesResource(RulesetService rulesets, RulesetValidator validator, SnapshotReader reader,
            LimitsConfig limits) {
        this.rulesets = rulesets;
        this.validator = validator;
        this.reader = reader;
        this.limits = limits;
    }

    @GET
    @Operation(summary = "The active ruleset", description = "Version, load time, files with their rules, "
            + "scenario results, rules that fire in no scenario, and the last refused edit with its errors.")
    @APIResponse(responseCode = "200", description = "The rules; version is null while none is active")
    public RulesView rules() {
        return RulesView.of(rulesets.activation().orElse(null), rulesets.lastRejection().orElse(null));
    }

    @POST
    @Path("/validate")
    @RulesTokens.RulesAuthor
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Compile one DRL file without activating it",
            description = "The file is laid over the active ruleset (same name replaces), unless standalone=true.")
    @APIResponse(responseCode = "200", description = "valid, with errors and warnings")
    @APIResponse(responseCode = "400", description = "Empty body or a bad file name")
    @APIResponse(responseCode = "413", description = "Body above limits.validate-body")
    public RulesetValidator.Report validateFile(byte[] body, @QueryParam("file") @DefaultValue("draft.drl") String file,
            @QueryParam("standalone") @DefaultValue("false") boolean standalone) {
        checkSize(body);
        if (body.length == 0) {
            throw BadInputException.of("body", "is empty: send the text of one .drl file");
        }
        return validate(Map.of(file, new String(body, StandardCharsets.UTF_8)), standalone);
    }

    @POST
    @Path("/validate")
    @RulesTokens.RulesAuthor
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compile several DRL files without activating them",
            description = "Body: {\"files\": {\"name.drl\": \"...\"}}, laid over the active ruleset unless standalone=true.")
    @APIResponse(responseCode = "200", description = "valid, with errors and warnings")
    @APIResponse(responseCode = "400", description = "Not {files: {name: text}}")
    @APIResponse(responseCode = "413", description = "Body above limits.validate-body")
    public RulesetValidator.Report validateFiles(byte[] body,
            @QueryParam("standalone") @DefaultValue("false") boolean standalone) {
        checkSize(body);
        JsonNode root = reader.parse(body);
        JsonNode files = root.get("files");
        if (!root.isObject() || root.size() != 1 || files == null || !files.isObject() || files.isEmpty()) {
            throw BadInputException.of("files", "send {\"files\": {\"name.drl\": \"rule text\", ...}}");
        }
        Map<String, String> drafts = new LinkedHashMap<>();
        files.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual()) {
                throw BadInputException.of("files." + entry.getKey(), "must be the file's text, a JSON string");
            }
            drafts.put(entry.getKey(), entry.getValue().textValue());
        });
        return validate(drafts, standalone);
    }

    @POST
    @Path("/reload")
    @RulesTokens.RulesAdmin
    @Operation(summary = "Reload the rules folder now", description = "Needs Authorization: Bearer <RULES_ADMIN_TOKEN>.")
    @APIResponse(responseCode = "200", description = "ACTIVATED, UNCHANGED or REJECTED (with the reason)")
    @APIResponse(responseCode = "401", description = "Missing or wrong bearer token")
    @APIResponse(responseCode = "403", description = "No RULES_ADMIN_TOKEN is configured")
    public ReloadOutcome reload() {
        return rulesets.reload();
    }

    private RulesetValidator.Report validate(Map<String, String> drafts, boolean standalone) {
        return validator.validate(drafts, standalone ? null : rulesets.current().orElse(null));
    }

    private void checkSize(byte[] body) {
        long limit = limits.validateBody().asLongValue();
        if (body.length > limit) {
            throw PayloadTooLargeException.bytes("draft", body.length, limit, "limits.validate-body");
        }
    }
}
