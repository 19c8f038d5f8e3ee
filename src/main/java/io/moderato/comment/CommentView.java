package io.moderato.comment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored comment as the API shows it.
 *
 * @param siteId          the site
 * @param id              the site's comment id
 * @param article         the article it belongs to
 * @param author          who wrote it
 * @param parentId        the comment it replies to, if any
 * @param text            its current text
 * @param createdAt       when the author wrote it (as the site says)
 * @param receivedAt      when Moderato first received it
 * @param updatedAt       when it last changed (edit or decision)
 * @param status          REVIEW, APPROVED or REJECTED
 * @param machineDecision what the policy decided for the current text
 * @param reasons         the policy's reasons
 * @param attributes      the attribute scores
 * @param topics          tagged topics, highest first
 * @param spans           the words behind high scores
 * @param modelVersion    the model bundle that scored it
 * @param revision        1 for the original text, +1 per edit
 * @param decidedBy       the moderator who decided it, if one did
 * @param decidedAt       when
 * @param history         earlier and current revisions (only in the single-comment view)
 * @param rescores        re-scorings by newer models, oldest first (only in the single-comment view, when any)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommentView(String siteId, String id, Article article, Author author, String parentId, String text,
                          Instant createdAt, Instant receivedAt, Instant updatedAt, String status,
                          String machineDecision, JsonNode reasons, Map<String, Double> attributes, JsonNode topics,
                          JsonNode spans, String modelVersion, int revision, String decidedBy, Instant decidedAt,
                          List<Revision> history, List<Rescore> rescores) {

    /**
     * @param id    the site's article id
     * @param url   its address
     * @param title its headline
     */
    public record Article(String id, String url, String title) {
    }

    /**
     * @param id          the site's author id
     * @param displayName the name shown
     */
    public record Author(String id, String displayName) {
    }

    /**
     * One re-scoring of the comment by a re-scoring job.
     *
     * @param revision             the text revision re-scored
     * @param jobId                the job
     * @param previousModelVersion the model that had scored it
     * @param previousAttributes   its scores then
     * @param modelVersion         the model that re-scored it
     * @param attributes           the new scores
     * @param previousStatus       the status before
     * @param status               the status after (a moderator's decision is never changed)
     * @param machineDecision      the policy's decision with the new scores; null when a moderator's decision stands
     * @param recordedAt           when
     */
    public record Rescore(int revision, String jobId, String previousModelVersion, JsonNode previousAttributes,
                          String modelVersion, JsonNode attributes, String previousStatus, String status,
                          String machineDecision, Instant recordedAt) {
    }

    /**
     * @param revision     its number
     * @param text         the text then
     * @param attributes   its scores
     * @param decision     the policy's decision then
     * @param reasons      the reasons then
     * @param modelVersion the model then
     * @param recordedAt   when
     */
    public record Revision(int revision, String text, JsonNode attributes, String decision, JsonNode reasons,
                           String modelVersion, Instant recordedAt) {
    }
}
