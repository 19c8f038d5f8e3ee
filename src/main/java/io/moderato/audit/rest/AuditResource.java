package io.moderato.audit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.CurrentCaller;
import io.moderato.access.Roles;
import io.moderato.audit.repository.AuditEntryEntity;
import io.moderato.audit.service.AuditLog;
import io.moderato.problem.ProblemException;
import io.moderato.problem.RequestChecks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** The audit log, oldest first, with cursor pagination. */
@Path("/api/v1/audit")
@Tag(name = "Audit")
@RolesAllowed(Roles.MODERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int MAX_LIMIT = 500;

    private final AuditLog audit;
    private final ObjectMapper json;
    private final CurrentCaller caller;

    public AuditResource(AuditLog audit, ObjectMapper json, CurrentCaller caller) {
        this.audit = audit;
        this.json = json;
        this.caller = caller;
    }

    /**
     * One audit entry.
     *
     * @param id             its position in the log
     * @param recordedAt     when
     * @param actor          who
     * @param action         what
     * @param siteId         the site
     * @param commentId      the comment
     * @param previousStatus status before
     * @param newStatus      status after
     * @param reason         the decision's reason
     * @param note           the moderator's note
     * @param scores         the model's scores at the time
     * @param details        further details
     */
    public record EntryView(long id, Instant recordedAt, String actor, String action, String siteId, String commentId,
                            String previousStatus, String newStatus, String reason, String note, JsonNode scores,
                            JsonNode details) {
    }

    /**
     * A page of the log.
     *
     * @param entries    the entries
     * @param nextCursor pass as {@code cursor} for the next page; null at the end
     */
    public record Page(List<EntryView> entries, String nextCursor) {
    }

    @GET
    @Operation(summary = "Read the audit log", description = "Filters combine; entries are oldest first; follow nextCursor for more.")
    public Page list(@QueryParam("siteId") String siteId, @QueryParam("commentId") String commentId,
                     @QueryParam("actor") String actor, @QueryParam("action") String action,
                     @QueryParam("from") String from, @QueryParam("to") String to,
                     @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        RequestChecks checks = new RequestChecks();
        Instant fromTime = instant(from, "from", checks);
        Instant toTime = instant(to, "to", checks);
        Long after = null;
        if (cursor != null) {
            try {
                after = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                checks.require(false, "cursor", "is not a cursor from this API");
            }
        }
        int size = checks.optionalInt(limit, "limit", 1, MAX_LIMIT, 100);
        checks.throwIfInvalid();
        if (caller.sites() != null) {
            // A key limited to some sites reads their entries only, one site at a time.
            if (siteId == null) {
                throw new ProblemException(403, "forbidden-site", "Forbidden",
                        "This key is limited to some sites: pass siteId (one of " + caller.sites() + ").", List.of());
            }
            caller.checkSite(siteId);
        }
        List<AuditEntryEntity> entries = audit.find(siteId, commentId, actor, action, fromTime, toTime, after, size + 1);
        boolean more = entries.size() > size;
        List<EntryView> views = entries.stream().limit(size).map(this::view).toList();
        return new Page(views, more ? Long.toString(views.get(views.size() - 1).id()) : null);
    }

    private EntryView view(AuditEntryEntity e) {
        return new EntryView(e.id, e.recordedAt, e.actor, e.action, e.siteId, e.commentId, e.previousStatus,
                e.newStatus, e.reason, e.note, read(e.scores), read(e.details));
    }

    private JsonNode read(String value) {
        try {
            return value == null ? null : json.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(String value, String field, RequestChecks checks) {
        return checks.optionalInstant(value, field);
    }
}
