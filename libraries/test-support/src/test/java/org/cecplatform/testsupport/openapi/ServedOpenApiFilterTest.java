package org.cecplatform.testsupport.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter fails a call whose response the served document does not describe, and passes one it does. */
class ServedOpenApiFilterTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "paths": {"/api/v1/things/{id}": {"get": {
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
               "responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {
                   "type": "object", "properties": {"name": {"type": "string"},
                                                    "note": {"type": "string", "nullable": true}}}}}},
                 "404": {"description": "none", "content": {"application/problem+json": {"schema": {
                   "type": "object", "required": ["status"], "properties": {"status": {"type": "integer"}}}}}}}}}}}
            """;

    private HttpServer server;
    private String base;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer("/q/openapi", 200, "application/json", DOCUMENT);
        answer("/api/v1/things/described", 200, "application/json", "{\"name\":\"a\",\"note\":null}");
        answer("/api/v1/things/wrong-type", 200, "application/json", "{\"name\":42}");
        answer("/api/v1/things/null-name", 200, "application/json", "{\"name\":null}");
        answer("/api/v1/things/undeclared-status", 409, "application/problem+json", "{\"status\":409}");
        answer("/api/v1/things/missing", 404, "application/problem+json", "{\"status\":404}");
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aResponseTheDocumentDescribesPasses() {
        assertThat(call("/api/v1/things/described")).isEqualTo(200);
        assertThat(call("/api/v1/things/missing")).isEqualTo(404);
    }

    @Test
    void aFieldOfAnotherTypeANullWhereNoneIsAllowedOrAnUndeclaredStatusFailTheCall() {
        for (String path : new String[] {"/api/v1/things/wrong-type", "/api/v1/things/null-name",
                "/api/v1/things/undeclared-status"}) {
            assertThatThrownBy(() -> call(path)).as(path).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("is not what the served OpenAPI document says");
        }
    }

    private int call(String path) {
        return given().filter(new ServedOpenApiFilter()).baseUri(base).get(path).statusCode();
    }

    private void answer(String path, int status, String type, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }
}
