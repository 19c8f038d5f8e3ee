package io.moderato.comment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.audit.service.AuditLog;
import io.moderato.classification.ArticleContext;
import io.moderato.classification.Attribute;
import io.moderato.classification.Classification;
import io.moderato.classification.service.ClassificationService;
import io.moderato.comment.CommentStatus;
import io.moderato.comment.CommentView;
import io.moderato.comment.repository.CommentEntity;
import io.moderato.comment.repository.CommentRepository;
import io.moderato.comment.repository.CommentRescoreRepository;
import io.moderato.comment.repository.CommentRevisionEntity;
import io.moderato.comment.repository.CommentRevisionRepository;
import io.moderato.policy.CommentFacts;
import io.moderato.policy.PolicyDecision;
import io.moderato.policy.PolicyEvaluator;
import io.moderato.policy.SitePolicy;
import io.moderato.policy.service.PolicyService;
import io.moderato.problem.ProblemException;
import io.moderato.text.NormalizedText;
import io.moderato.text.TextNormalizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.codec.digest.DigestUtils;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Ingests comments: classifies them (outside any transaction), applies the site's policy and stores the comment,
 * its revision and an audit entry in one transaction, which commits before the client gets its answer. Idempotent
 * on (site, comment id): the same text again returns what is stored; a new text is an edit, scored and decided
 * again, with the history kept.
 */
@ApplicationScoped
public class CommentService {

    /** The actor recorded for the policy's own decisions. */
    public static final String MACHINE = "moderato";

    private final CommentRepository comments;
    private final CommentRevisionRepository revisions;
    private final CommentRescoreRepository rescores;
    private final ClassificationService classification;
    private final PolicyService policies;
    private final StatusChanges statusChanges;
    private final ObjectMapper json;
    private final TextNormalizer normalizer = new TextNormalizer();

    public CommentService(CommentRepository comments, CommentRevisionRepository revisions,
                          CommentRescoreRepository rescores, ClassificationService classification, PolicyService policies, StatusChanges statusChanges,
                          ObjectMapper json) {
        this.comments = comments;
        this.revisions = revisions;
        this.rescores = rescores;
        this.classification = classification;
        this.policies = policies;
        this.statusChanges = statusChanges;
        this.json = json;
    }

    /**
     * What an ingest did.
     *
     * @param outcome CREATED, EDITED or UNCHANGED
     * @param comment the comment as now stored
     */
    public record IngestResult(Outcome outcome, CommentView comment) {
    }

    /** What an ingest did to the store. */
    public enum Outcome {
        /** A new comment. */
        CREATED,
        /** A known comment with a new text. */
        EDITED,
        /** A retry of a known comment: nothing changed. */
        UNCHANGED
    }

    /**
     * @param command the comment
     * @param actor   the key that sent it
     * @return what was stored
     */
    public IngestResult ingest(IngestCommand command, String actor) {
        CommentView existing = QuarkusTransaction.requiringNew().call(() -> comments
                .findBySiteAndExternalId(command.siteId(), command.id())
                .filter(c -> c.text.equals(command.text()))
                .map(c -> view(c, false))
                .orElse(null));
        if (existing != null) {
            return new IngestResult(Outcome.UNCHANGED, existing);
        }
        Classification scored = classification.classify(command.text(),
                command.articleTitle() == null ? null : new ArticleContext(command.articleTitle(), null), null,
                command.siteId());
        NormalizedText normalized = normalizer.normalize(command.text());
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(command, scored, normalized, actor));
        } catch (PersistenceException e) {
            // Two deliveries of the same new comment raced; the other one won. Answer with what it stored.
            return QuarkusTransaction.requiringNew().call(() -> comments
                    .findBySiteAndExternalId(command.siteId(), command.id())
                    .map(c -> new IngestResult(c.text.equals(command.text()) ? Outcome.UNCHANGED : Outcome.EDITED, view(c, false)))
                    .orElseThrow(() -> e));
        }
    }

    private IngestResult store(IngestCommand command, Classification scored, NormalizedText normalized, String actor) {
        CommentEntity comment = comments.findBySiteAndExternalId(command.siteId(), command.id()).orElse(null);
        if (comment != null && comment.text.equals(command.text())) {
            return new IngestResult(Outcome.UNCHANGED, view(comment, false));
        }
        boolean created = comment == null;
        // Both databases keep microseconds: the answer must equal what a later read returns.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        PolicyEvaluator evaluator = policies.evaluator(command.siteId());
        String fingerprint = DigestUtils.sha256Hex(normalized.joined());
        PolicyDecision decision = evaluator.evaluate(facts(evaluator.policy(), command, scored, normalized, fingerprint, now));
        CommentStatus previous = created ? null : comment.status;
        if (created) {
            comment = new CommentEntity();
            comment.siteId = command.siteId();
            comment.externalId = command.id();
            comment.receivedAt = now;
            comment.revision = 1;
        } else {
            comment.revision++;
            comment.decidedBy = null;
            comment.decidedAt = null;
            comment.claimedBy = null;
            comment.claimExpiresAt = null;
        }
        comment.articleId = command.articleId();
        comment.articleUrl = command.articleUrl();
        comment.articleTitle = command.articleTitle();
        comment.authorId = command.authorId();
        comment.authorName = command.authorName();
        comment.parentId = command.parentId();
        comment.text = command.text();
        comment.textFingerprint = fingerprint;
        comment.createdAt = command.createdAt() == null ? now : command.createdAt();
        comment.updatedAt = now;
        comment.machineDecision = decision.decision();
        comment.status = CommentStatus.of(decision.decision());
        comment.reasons = write(decision.reasons());
        applyScores(comment, scored);
        if (created) {
            comments.persist(comment);
        }
        comments.flush();

        CommentRevisionEntity revision = new CommentRevisionEntity();
        revision.commentId = comment.id;
        revision.revision = comment.revision;
        revision.text = comment.text;
        revision.scores = write(Attribute.byKey(scored.attributes()));
        revision.decision = decision.decision().name();
        revision.reasons = comment.reasons;
        revision.modelVersion = comment.modelVersion;
        revision.recordedAt = now;
        revisions.persist(revision);

        statusChanges.record(comment, previous, new StatusChanges.Change(actor, MACHINE,
                created ? AuditLog.INGESTED : AuditLog.EDITED, decision.decision().name(), null, decision.reasons()), now);
        return new IngestResult(created ? Outcome.CREATED : Outcome.EDITED, view(comment, false));
    }

    /**
     * Stores a classification's scores, spans, topics and model version on a comment (not its decision).
     *
     * @param comment the comment, new or locked in the current transaction
     * @param scored  its classification
     */
    void applyScores(CommentEntity comment, Classification scored) {
        comment.topics = write(scored.topics().stream().map(t -> Map.of("code", t.topic().code(), "name", t.topic().label(), "score", t.score())).toList());
        comment.spans = write(scored.spans().stream().map(s -> Map.of("begin", s.begin(), "end", s.end(), "attribute", s.attribute().key(), "score", s.score())).toList());
        comment.modelVersion = scored.modelVersion();
        comment.setScores(scored.attributes());
        comment.primaryTopic = scored.topics().isEmpty() ? null : scored.topics().get(0).topic().code();
        comment.topicScores.clear();
        for (var topic : scored.topics()) {
            comment.topicScores.put(topic.topic().code(), topic.score());
        }
    }

    /**
     * @param value a value
     * @return it as JSON
     */
    String json(Object value) {
        return write(value);
    }

    private CommentFacts facts(SitePolicy policy, IngestCommand command, Classification scored, NormalizedText normalized,
                               String fingerprint, Instant now) {
        boolean repeat = policy.holdRepeatPosts() && comments.isRepeat(command.siteId(), command.authorId(), fingerprint,
                now.minus(Duration.ofHours(policy.repeatWindowHours())), command.id());
        long approved = policy.preModerateNewCommenters() ? comments.countApproved(command.siteId(), command.authorId()) : 0;
        int decided = 0;
        int rejected = 0;
        if (policy.rejectionRateLimit() != null) {
            for (var c : comments.latestStatusesByAuthor(command.siteId(), command.authorId(), policy.rejectionRateWindow())) {
                if (c.externalId().equals(command.id()) || c.status() == CommentStatus.REVIEW) {
                    continue;
                }
                decided++;
                rejected += c.status() == CommentStatus.REJECTED ? 1 : 0;
            }
        }
        return new CommentFacts(scored.attributes(), normalized, repeat, approved, decided, rejected);
    }

    /**
     * @param siteId     the site
     * @param externalId the site's comment id
     * @return the comment with its history
     */
    @Transactional
    public CommentView get(String siteId, String externalId) {
        return comments.findBySiteAndExternalId(siteId, externalId)
                .map(c -> view(c, true))
                .orElseThrow(() -> ProblemException.notFound("no comment " + externalId + " on site " + siteId));
    }

    /**
     * @param comment a stored comment
     * @param history whether to include its revisions
     * @return the API view of it
     */
    public CommentView view(CommentEntity comment, boolean history) {
        List<CommentView.Revision> revisionViews = history ? revisions.history(comment.id).stream()
                .map(r -> new CommentView.Revision(r.revision, r.text, read(r.scores), r.decision, read(r.reasons),
                        r.modelVersion, r.recordedAt)).toList() : null;
        List<CommentView.Rescore> rescoreViews = null;
        if (history) {
            rescoreViews = rescores.history(comment.id).stream().map(r -> new CommentView.Rescore(r.revision, r.jobId,
                    r.previousModelVersion, read(r.previousScores), r.modelVersion, read(r.scores), r.previousStatus,
                    r.status, r.machineDecision, r.recordedAt)).toList();
            rescoreViews = rescoreViews.isEmpty() ? null : rescoreViews;
        }
        return new CommentView(comment.siteId, comment.externalId,
                new CommentView.Article(comment.articleId, comment.articleUrl, comment.articleTitle),
                new CommentView.Author(comment.authorId, comment.authorName), comment.parentId, comment.text,
                comment.createdAt, comment.receivedAt, comment.updatedAt, comment.status.name(),
                comment.machineDecision.name(), read(comment.reasons), Attribute.byKey(comment.scores()), read(comment.topics),
                read(comment.spans), comment.modelVersion, comment.revision, comment.decidedBy, comment.decidedAt,
                revisionViews, rescoreViews);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
