package io.moderato.audit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.audit.repository.AuditEntryEntity;
import io.moderato.audit.repository.AuditRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Appends to the audit log (in the caller's transaction, so an action and its entry commit together) and reads it. */
@ApplicationScoped
public class AuditLog {

    /** Actions recorded. */
    public static final String INGESTED = "COMMENT_INGESTED";
    /** A comment's text changed and it was scored again. */
    public static final String EDITED = "COMMENT_EDITED";
    /** A moderator decided a comment. */
    public static final String DECIDED = "COMMENT_DECIDED";
    /** A moderator undid their own decision. */
    public static final String UNDONE = "DECISION_UNDONE";
    /** A re-scoring job scored a comment with a newer model and the site's policy gave it another status. */
    public static final String RESCORED = "COMMENT_RESCORED";

    private final AuditRepository entries;
    private final ObjectMapper json;

    public AuditLog(AuditRepository entries, ObjectMapper json) {
        this.entries = entries;
        this.json = json;
    }

    /**
     * One entry to append.
     *
     * @param actor          who acted (key name, or "moderato" for the machine)
     * @param action         what happened
     * @param siteId         the site
     * @param commentId      the site's comment id
     * @param previousStatus status before
     * @param newStatus      status after
     * @param reason         the decision's reason code or text
     * @param note           the moderator's note
     * @param scores         the model scores at the time
     * @param details        anything else worth keeping (JSON-able)
     */
    public record Entry(String actor, String action, String siteId, String commentId, String previousStatus,
                        String newStatus, String reason, String note, Map<String, Double> scores, Object details) {
    }

    /**
     * Appends an entry in the current transaction.
     *
     * @param entry the entry
     * @return the stored entry
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntryEntity append(Entry entry) {
        AuditEntryEntity e = new AuditEntryEntity();
        e.recordedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        e.actor = entry.actor();
        e.action = entry.action();
        e.siteId = entry.siteId();
        e.commentId = entry.commentId();
        e.previousStatus = entry.previousStatus();
        e.newStatus = entry.newStatus();
        e.reason = truncate(entry.reason(), 500);
        e.note = truncate(entry.note(), 2000);
        e.scores = entry.scores() == null ? null : write(entry.scores());
        e.details = entry.details() == null ? null : write(entry.details());
        entries.persist(e);
        return e;
    }

    /**
     * Entries matching every given filter, oldest first, after a cursor.
     *
     * @param siteId    only this site (null: all)
     * @param commentId only this comment (null: all)
     * @param actor     only this actor (null: all)
     * @param action    only this action (null: all)
     * @param from      recorded at or after (null: no bound)
     * @param to        recorded before (null: no bound)
     * @param afterId   only entries with a larger id (the cursor; null: from the start)
     * @param limit     at most this many
     * @return the entries
     */
    @Transactional
    public List<AuditEntryEntity> find(String siteId, String commentId, String actor, String action, Instant from,
                                       Instant to, Long afterId, int limit) {
        List<String> clauses = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (siteId != null) {
            clauses.add("siteId = :siteId");
            parameters.and("siteId", siteId);
        }
        if (commentId != null) {
            clauses.add("commentId = :commentId");
            parameters.and("commentId", commentId);
        }
        if (actor != null) {
            clauses.add("actor = :actor");
            parameters.and("actor", actor);
        }
        if (action != null) {
            clauses.add("action = :action");
            parameters.and("action", action);
        }
        if (from != null) {
            clauses.add("recordedAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            clauses.add("recordedAt < :to");
            parameters.and("to", to);
        }
        if (afterId != null) {
            clauses.add("id > :afterId");
            parameters.and("afterId", afterId);
        }
        String query = (clauses.isEmpty() ? "" : String.join(" and ", clauses)) + " order by id";
        return entries.find(query, parameters).page(0, limit).list();
    }

    /**
     * The newest decisions and undos of one comment, newest first: what undo needs, however long the comment's
     * history is.
     *
     * @param siteId    the site
     * @param commentId the site's comment id
     * @param limit     at most this many
     * @return the entries, newest first
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AuditEntryEntity> latestDecisions(String siteId, String commentId, int limit) {
        return entries.find("siteId = :siteId and commentId = :commentId and action in :actions order by id desc",
                        Parameters.with("siteId", siteId).and("commentId", commentId).and("actions", List.of(DECIDED, UNDONE)))
                .page(0, limit).list();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
