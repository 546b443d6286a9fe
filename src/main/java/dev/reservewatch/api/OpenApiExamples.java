package dev.reservewatch.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Puts a real example into the API description of {@code POST /verdicts}: the 2025-10 article snapshot
 * ({@code examples/2025-10-article.json}) and the verdict the shipped rules give for it
 * ({@code examples/2025-10-article.verdict.json}, checked against the engine by a test). Runs when the
 * application is built, so the document is complete in the jar and start-up does not assemble it.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiExamples implements OASFilter {

    static final String SNAPSHOT = "/examples/2025-10-article.json";
    static final String VERDICT = "/examples/2025-10-article.verdict.json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PathItem verdicts = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/verdicts");
        Operation post = verdicts == null ? null : verdicts.getPOST();
        if (post == null) {
            return;
        }
        if (post.getRequestBody() != null && post.getRequestBody().getContent() != null) {
            MediaType json = post.getRequestBody().getContent().getMediaType("application/json");
            Map<?, ?> example = read(SNAPSHOT);
            if (json != null && example != null) {
                json.addExample("2025-10 article", OASFactory.createExample()
                        .summary("The article's October 2025 alarm").value(example));
            }
        }
        if (post.getResponses() != null && post.getResponses().getAPIResponse("200") != null
                && post.getResponses().getAPIResponse("200").getContent() != null) {
            MediaType json = post.getResponses().getAPIResponse("200").getContent().getMediaType("application/json");
            Map<?, ?> example = read(VERDICT);
            if (json != null && example != null) {
                json.addExample("2025-10 article", OASFactory.createExample()
                        .summary("What the shipped rules answer").value(example));
            }
        }
    }

    private static Map<?, ?> read(String resource) {
        try (InputStream in = OpenApiExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null; // a build without the examples: the description goes without them
            }
            return new ObjectMapper().readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
