package dev.reservewatch.bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.common.annotation.NonBlocking;

import dev.reservewatch.api.VerdictResource;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.SnapshotReader;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.lifecycle.ActiveRuleset;
import dev.reservewatch.service.VerdictService;

/**
 * The benchmark's reference points, built only with the {@code bench} build profile ({@code bench/http.sh}),
 * never into the production build. Both take the same HTTP path as {@code POST /verdicts} up to and
 * including the strict parsing and validation of the snapshot, on the event loop as it does.
 * <ul>
 * <li>{@code POST /bench/echo}, the ceiling: the snapshot straight back, without rules.</li>
 * <li>{@code POST /bench/verdict-body}: a verdict's body without the rules. It answers with the verdict of
 * the first snapshot it was sent, judged once and kept, under a fresh decision id (body and header, as
 * {@code POST /verdicts}), serialised anew for every request. Between the echo and the verdicts it
 * splits the cost of a verdict into what its body costs (serialising and sending a verdict instead of
 * the snapshot) and what the rules, the decision log and the verdict metrics cost.</li>
 * </ul>
 */
@IfBuildProfile("bench")
@Path("/bench")
public class EchoBenchResource {

    private final SnapshotReader reader;
    private final DecisionEngine engine;
    private final ActiveRuleset rulesets;
    private volatile Verdict kept;

    public EchoBenchResource(SnapshotReader reader, DecisionEngine engine, ActiveRuleset rulesets) {
        this.reader = reader;
        this.engine = engine;
        this.rulesets = rulesets;
    }

    @POST
    @Path("echo")
    @NonBlocking // as POST /verdicts: the same threading, so the two differ only by the rules
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public MarketSnapshot echo(byte[] body) {
        return reader.read(body);
    }

    @POST
    @Path("verdict-body")
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<Verdict> verdictBody(byte[] body) {
        MarketSnapshot snapshot = reader.read(body);
        Verdict verdict = kept;
        if (verdict == null) {
            verdict = engine.evaluate(rulesets.active(), snapshot);
            kept = verdict;
        }
        return VerdictResource.answer(verdict.withDecisionId(VerdictService.decisionId()));
    }
}
