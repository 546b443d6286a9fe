package dev.reservewatch.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.reservewatch.contract.SnapshotExample;
import dev.reservewatch.service.ExampleSnapshots;

/** {@code GET /examples}: snapshots to start from, for the console's form and for scripts. */
@Tag(name = "Examples", description = "Snapshots to start from")
@Path("/examples")
@Produces(MediaType.APPLICATION_JSON)
public class ExampleResource {

    private final ExampleSnapshots examples;

    public ExampleResource(ExampleSnapshots examples) {
        this.examples = examples;
    }

    @GET
    @Operation(operationId = "listExamples", summary = "Snapshots to start from", description = "The article's example, the latest week of the "
            + "shipped history with the weeks before it as its history, and each scenario's snapshot of the active "
            + "rules: {id, label, source, snapshot}.")
    @APIResponse(responseCode = "200", description = "The examples, the article's first; no scenario's while no"
            + " ruleset is active")
    @APIResponse(responseCode = "406", description = "The client accepts no JSON")
    public List<SnapshotExample> examples() {
        return examples.all();
    }
}
