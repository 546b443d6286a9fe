package dev.reservewatch.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.common.annotation.NonBlocking;

import dev.reservewatch.config.LimitsConfig;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.contract.VerdictView;
import dev.reservewatch.error.PayloadTooLargeException;
import dev.reservewatch.error.Problem;
import dev.reservewatch.service.VerdictService;

/** {@code POST /verdicts}: one market snapshot in, one verdict out. */
@Tag(name = "Verdicts", description = "One market snapshot in, one verdict out")
@Languages.Spoken
@Path("/verdicts")
public class VerdictResource {

    /** Response header carrying the verdict's decision id, as in the decision log. */
    public static final String DECISION_ID_HEADER = "X-Decision-Id";

    private final SnapshotReader reader;
    private final VerdictService verdicts;
    private final LimitsConfig limits;

    public VerdictResource(SnapshotReader reader, VerdictService verdicts, LimitsConfig limits) {
        this.reader = reader;
        this.verdicts = verdicts;
        this.limits = limits;
    }

    @POST
    @NonBlocking // tens of microseconds of CPU, no I/O: cheaper on the event loop than handed to a worker
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "judgeSnapshot", summary = "Judge one market snapshot", description = "Runs the active rules on the snapshot and "
            + "answers with the reserve regime, the signals, the recommended actions and why.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MarketSnapshot.class)))
    @APIResponse(responseCode = "200", description = "The verdict; header X-Decision-Id names it in the decision log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verdict.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, unknown or repeated fields, wrong types or values out of range; every bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body above the size limit (default 1 MiB)")
    @APIResponse(responseCode = "415", description = "Content type is not application/json")
    @APIResponse(responseCode = "500", description = "A rule failed while judging; the problem names the rule")
    @APIResponse(responseCode = "503", description = "No ruleset is active yet")
    public RestResponse<Verdict> judge(byte[] body, @Parameter(description = "full (default), or compact: without "
            + "the watchlist") @QueryParam("view") @DefaultValue("full") String view) {
        PayloadTooLargeException.checkBytes("snapshot", body.length, limits.verdictBody().asLongValue(),
                "limits.verdict-body");
        VerdictView shown = VerdictView.named(view); // checked before the snapshot is read
        return answer(shown.of(verdicts.judge(reader.read(body), body)));
    }

    /** A verdict as {@code POST /verdicts} answers it: the body, and its decision id in {@value #DECISION_ID_HEADER}. */
    public static RestResponse<Verdict> answer(Verdict verdict) {
        return RestResponse.ResponseBuilder.ok(verdict).header(DECISION_ID_HEADER, verdict.decisionId()).build();
    }
}
