package dev.reservewatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

/**
 * The filter on its own, on descriptions the served one never shows: an operation without an id, as the bench
 * build's reference endpoints ({@code POST /bench/echo}, {@code /bench/verdict-body}) are, must not stop the build.
 */
class ApiDescriptionFilterTest {

    @Test
    void describesAnOperationWithoutAnId() {
        Operation unnamed = OASFactory.createOperation().summary("no id");
        OpenAPI api = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSchema(ApiDescription.PROBLEM, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)))
                        .addSchema(ApiDescription.SNAPSHOT, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))))
                .paths(OASFactory.createPaths().addPathItem("/bench/echo", OASFactory.createPathItem().POST(unnamed)));

        new ApiDescription().filterOpenAPI(api);

        assertThat(unnamed.getSecurity()).as("no token needed, said").isEmpty();
        assertThat(unnamed.getParameters()).as("no language parameter on an operation not known to speak").isNull();
    }
}
