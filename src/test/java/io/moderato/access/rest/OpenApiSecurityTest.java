package io.moderato.access.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;

/** The OpenAPI document declares the key schemes, so Swagger UI can authorize; open endpoints need none. */
@QuarkusTest
class OpenApiSecurityTest {

    @Test
    void theDocumentDeclaresHowToAuthenticate() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.apiKey.type", equalTo("http"))
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"))
                .body("components.securitySchemes.queryKey.in", equalTo("query"))
                .body("components.securitySchemes.queryKey.name", equalTo("key"))
                .body("security[0]", hasKey("apiKey"))
                .body("paths.'/dashboard/sign-in'.post.security", contains(anEmptyMap()))
                .body("paths.'/api/v1/coral/moderate'.post.security", contains(anEmptyMap()))
                .body("paths.'/v1alpha1/comments:analyze'.post.security", hasSize(2))
                .body("paths.'/api/v1/classify'.post", org.hamcrest.Matchers.not(hasKey("security")));
    }

    @Test
    void theDocumentSaysHowQueryParametersAreHeld() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.description", org.hamcrest.Matchers.containsString("is not a known parameter"))
                .body("info.description", org.hamcrest.Matchers.containsString("is given more than once"));
    }

    @Test
    void thePolicyIsDocumentedFieldByFieldWithItsAllowedValues() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.SitePolicy.properties.links.description", org.hamcrest.Matchers.containsString("REVIEW"))
                .body("components.schemas.LinkAction.enum", contains("ALLOW", "REVIEW", "REJECT"))
                .body("components.schemas.SitePolicy.properties.repeatWindowHours.description", org.hamcrest.Matchers.containsString("24"))
                .body("paths.'/api/v1/admin/sites/{siteId}/policy'", hasKey("patch"));
    }

    @Test
    void bodiesReadStrictlyKeepTheirSchemas() {
        // Read as bytes by the resource (StrictJsonBody), they are declared with @RequestBody.
        String schema = "requestBody.content.'application/json'.schema.$ref";
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/admin/models:train'.post." + schema, org.hamcrest.Matchers.endsWith("/TrainRequest"))
                .body("paths.'/api/v1/admin/comments:rescore'.post." + schema, org.hamcrest.Matchers.endsWith("/RescoreRequest"))
                .body("paths.'/api/v1/admin/sites/{siteId}/policy'.put." + schema, org.hamcrest.Matchers.endsWith("/SitePolicy"))
                .body("paths.'/api/v1/admin/keys'.post." + schema, org.hamcrest.Matchers.endsWith("/CreateKeyRequest"))
                .body("paths.'/api/v1/admin/webhooks'.post." + schema, org.hamcrest.Matchers.endsWith("/EndpointRequest"))
                .body("paths.'/api/v1/admin/webhooks/{id}'.put." + schema, org.hamcrest.Matchers.endsWith("/EndpointRequest"))
                .body("paths.'/api/v1/comments/{siteId}/{id}/decision'.post." + schema, org.hamcrest.Matchers.endsWith("/DecisionRequest"))
                .body("paths.'/api/v1/decisions'.post." + schema, org.hamcrest.Matchers.endsWith("/BulkRequest"))
                .body("paths.'/api/v1/queue/claim'.post." + schema, org.hamcrest.Matchers.endsWith("/ClaimRequest"))
                .body("paths.'/api/v1/queue/release'.post." + schema, org.hamcrest.Matchers.endsWith("/ReleaseRequest"))
                .body("components.schemas.ClaimRequest.properties.durationSeconds.maximum", equalTo(3600))
                .body("components.schemas.TrainRequest.properties", hasKey("reviewRecall"));
    }
}
