package dev.reservewatch.bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.common.annotation.NonBlocking;

import dev.reservewatch.api.MarketSnapshot;
import dev.reservewatch.api.SnapshotReader;

/**
 * The benchmark's ceiling: the same HTTP path as {@code POST /verdicts} up to and including the strict
 * parsing and validation of the snapshot, then the snapshot straight back, without rules. Built only
 * with the {@code bench} build profile ({@code bench/http.sh}), never into the production build.
 */
@IfBuildProfile("bench")
@Path("/bench/echo")
public class CeilingResource {

    private final SnapshotReader reader;

    public CeilingResource(SnapshotReader reader) {
        this.reader = reader;
    }

    @POST
    @NonBlocking // as POST /verdicts: the same threading, so the two differ only by the rules
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public MarketSnapshot echo(byte[] body) {
        return reader.read(body);
    }
}
