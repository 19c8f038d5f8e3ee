package io.moderato.access.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

/** Creating and revoking keys are admin acts recorded in the audit log, with the key's state before and after. */
@QuarkusTest
class KeyAuditTest {

    @Test
    void keyCreationAndRevocationAreAudited() {
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = asAdmin().body(Map.of("name", name, "role", "moderator")).post("/api/v1/admin/keys")
                .then().statusCode(201).extract().path("details.prefix");
        asAdmin().delete("/api/v1/admin/keys/{prefix}", prefix).then().statusCode(200);
        asAdmin().delete("/api/v1/admin/keys/{prefix}", prefix).then().statusCode(200);
        var entries = asAdmin().queryParam("actor", "bootstrap-admin").queryParam("limit", 500).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        var created = entries.getList("entries.findAll { it.action == 'KEY_CREATED' && it.details.after.prefix == '" + prefix + "' }");
        var revoked = entries.getList("entries.findAll { it.action == 'KEY_REVOKED' && it.details.after.prefix == '" + prefix + "' }");
        org.junit.jupiter.api.Assertions.assertEquals(1, created.size(), "one creation entry");
        org.junit.jupiter.api.Assertions.assertEquals(1, revoked.size(), "revoking twice is one act");
        asAdmin().queryParam("action", "KEY_REVOKED").queryParam("limit", 500).get("/api/v1/audit").then().statusCode(200)
                .body("entries.find { it.details.after.prefix == '" + prefix + "' }.details.before.revokedAt", nullValue())
                .body("entries.find { it.details.after.prefix == '" + prefix + "' }.details.after.revokedAt", notNullValue())
                .body("entries.find { it.details.after.prefix == '" + prefix + "' }.details.after.name", equalTo(name))
                .body("toString()", not(containsString("secret")));
    }
}
