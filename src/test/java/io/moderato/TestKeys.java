package io.moderato;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

/** API keys for {@code @QuarkusTest}s: the test profile's bootstrap admin key, and keys made with it. */
public final class TestKeys {

    /** The bootstrap admin key set in the test profile (application.properties). */
    public static final String ADMIN = "test-bootstrap-admin-key-0123456789";

    private TestKeys() {
    }

    /** @return a JSON request with the admin key */
    public static RequestSpecification asAdmin() {
        return as(ADMIN);
    }

    /**
     * @param key an API key
     * @return a JSON request with that key
     */
    public static RequestSpecification as(String key) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key);
    }

    /**
     * Creates a key through the admin API.
     *
     * @param role client, moderator or admin
     * @param name the key's name
     * @return the full key
     */
    public static String create(String role, String name) {
        return asAdmin().body(Map.of("name", name, "role", role))
                .post("/api/v1/admin/keys").then().statusCode(201).extract().path("key");
    }
}
