package io.moderato.review.rest;

import io.moderato.audit.service.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.equalTo;

/** Undo finds the moderator's decision among the newest audit entries, however many older ones the comment has. */
@QuarkusTest
class UndoLongHistoryTest {

    @Inject
    AuditLog audit;

    @Test
    void undoActsOnTheNewestDecisionAfterMoreThanAThousandEntries() {
        String site = "undo-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(Map.of("siteId", site, "id", "c1", "article", Map.of("id", "a1"), "author", Map.of("id", "u1"),
                "text", "The library reopens on Monday.")).post("/api/v1/comments").then().statusCode(201);
        // An old history: 1,200 decisions by another moderator, older than anything that follows.
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 1200; i++) {
                audit.append(new AuditLog.Entry("night-shift", AuditLog.DECIDED, site, "c1", "REVIEW", "APPROVED",
                        "old", null, null, null));
            }
        });
        asAdmin().body(Map.of("decision", "REJECT", "expectedStatus", "APPROVED")).post("/api/v1/comments/{s}/c1/decision", site)
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        asAdmin().post("/api/v1/comments/{s}/c1/undo", site).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("night-shift"));
        asAdmin().post("/api/v1/comments/{s}/c1/undo", site).then().statusCode(409);
    }
}
