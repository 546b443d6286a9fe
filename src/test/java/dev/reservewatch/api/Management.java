package dev.reservewatch.api;

import static io.restassured.RestAssured.given;

import java.net.URI;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.specification.RequestSpecification;

/** Requests to the management port (health, metrics, the API description), apart from the API's. */
final class Management {

    private Management() {
    }

    /** A request to the running test application's management interface; paths start with {@code /q/}. */
    static RequestSpecification management() {
        // the test URL carries the management root path (/q); the requests name it themselves
        URI uri = URI.create(TestHTTPResourceManager.getManagementUri());
        return given().baseUri(uri.getScheme() + "://" + uri.getHost()).port(uri.getPort());
    }
}
