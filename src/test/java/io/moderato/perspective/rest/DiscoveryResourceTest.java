package io.moderato.perspective.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/** The discovery document Google's client libraries read: it must send them to this server's paths. */
@QuarkusTest
class DiscoveryResourceTest {

    @Test
    void pointsGoogleClientsAtThisServer() {
        RestAssured.given().urlEncodingEnabled(false).get("/$discovery/rest?version=v1alpha1").then()
                .statusCode(200)
                .body("id", equalTo("commentanalyzer:v1alpha1"))
                .body("rootUrl", equalTo("http://localhost:" + RestAssured.port + "/"))
                .body("servicePath", equalTo(""))
                .body("parameters", hasKey("key"))
                .body("resources.comments.methods.analyze.path", equalTo("v1alpha1/comments:analyze"))
                .body("resources.comments.methods.analyze.httpMethod", equalTo("POST"))
                .body("resources.comments.methods.analyze.request.'$ref'", equalTo("AnalyzeCommentRequest"))
                .body("resources.comments.methods.suggestscore.path", equalTo("v1alpha1/comments:suggestscore"))
                .body("schemas", hasKey("AnalyzeCommentResponse"))
                .body("schemas.SpanScore.properties", hasKey("begin"));
        RestAssured.given().urlEncodingEnabled(false).get("/$discovery/rest?version=v1").then().statusCode(404)
                .body("error.status", equalTo("NOT_FOUND"));
    }
}
