package dev.reservewatch.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.reservewatch.error.RefusedException;
import dev.reservewatch.watch.WatchService;
import dev.reservewatch.watch.WatchStatus;

/** The watch: what it fetched and how fresh it is, the latest week's verdict, the latest alerts; a fetch on demand. */
@Tag(name = "Watch", description = "The service's own FRED fetches, their freshness, and the alerts they raise")
@Path("/watch")
@Produces(MediaType.APPLICATION_JSON)
public class WatchResource {

    private final WatchService watch;

    public WatchResource(WatchService watch) {
        this.watch = watch;
    }

    @GET
    @Operation(operationId = "getWatch", summary = "The watch's state", description = "Whether it is on (a FRED key is "
            + "configured), OK, STALE or FAILING; when it last tried, last succeeded and tries next; each series' last "
            + "observation, fetch time, staleness and last error; the latest week's verdict; the latest alerts.")
    @APIResponse(responseCode = "200", description = "The watch; status OFF and nothing else without a FRED key")
    @APIResponse(responseCode = "406", description = "The client accepts no JSON")
    public WatchStatus status() {
        return watch.status();
    }

    @POST
    @Path("/refresh")
    @RulesTokens.RulesAdmin
    @Operation(operationId = "refreshWatch", summary = "Fetch now", description = "Fetches every series now (or waits "
            + "for the fetch already running), judges the new data, and answers as GET /watch once done. Within FRED's "
            + "limits, as every fetch: a first fetch into an empty folder takes some seconds.")
    @APIResponse(responseCode = "200", description = "The watch after the fetch")
    @APIResponse(responseCode = "401", description = "Missing or wrong bearer token")
    @APIResponse(responseCode = "403", description = "No RULES_ADMIN_TOKEN is configured, or the author's token")
    @APIResponse(responseCode = "409", description = "The watch is off: no FRED key is configured")
    @SecurityRequirement(name = ApiDescription.RULES_TOKEN)
    public WatchStatus refresh() throws InterruptedException {
        if (!watch.enabled()) {
            throw new RefusedException(409, "The watch is off", "No FRED key is configured (WATCH_FRED_API_KEY): "
                    + "nothing is fetched.", java.util.List.of());
        }
        return watch.refresh();
    }
}
