package io.moderato.coral;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * Coral's External Moderation Phase messages ({@code coralproject/talk},
 * {@code src/core/server/services/comments/pipeline/phases/external.ts}), named as on the wire.
 */
public final class CoralModeration {

    private CoralModeration() {
    }

    /**
     * What Coral posts for each comment.
     *
     * @param tenant  the Coral installation's tenant
     * @param action  {@code NEW} or {@code EDIT}
     * @param comment the comment
     * @param author  its author
     * @param story   the story (article) it is posted under
     * @param site    the Coral site
     */
    public record Request(Tenant tenant, String action, Comment comment, Author author, Story story, Site site) {
    }

    /**
     * @param id     tenant id
     * @param domain tenant domain
     */
    public record Tenant(String id, String domain) {
    }

    /**
     * @param body     the text (HTML-stripped, or HTML, as the phase is configured)
     * @param parentID the comment it replies to, or null
     */
    public record Comment(String body, String parentID) {
    }

    /**
     * @param id   author id
     * @param role Coral role, e.g. {@code COMMENTER}
     */
    public record Author(String id, String role) {
    }

    /**
     * @param id  story id
     * @param url story URL
     */
    public record Story(String id, String url) {
    }

    /** @param id Coral site id */
    public record Site(String id) {
    }

    /**
     * What Coral reads back: every field optional. A {@code status} ends Coral's moderation pipeline with it; no
     * status leaves the decision to Coral's remaining phases.
     *
     * @param status   {@code REJECTED}, {@code SYSTEM_WITHHELD} or {@code PREMOD}; absent when Moderato has no objection
     * @param actions  flags to record, with the reason
     * @param metadata merged into the comment's metadata: Moderato's scores and reasons
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Response(String status, List<Action> actions, Map<String, Object> metadata) {
    }

    /**
     * @param actionType        always {@code FLAG}
     * @param reason            Coral's {@code COMMENT_FLAG_DETECTED_REASON}, e.g. {@code COMMENT_DETECTED_TOXIC}
     * @param additionalDetails what Moderato found
     */
    public record Action(String actionType, String reason, String additionalDetails) {
    }
}
