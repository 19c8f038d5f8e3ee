package io.moderato.comment.repository;

import io.moderato.classification.Attribute;
import io.moderato.comment.CommentStatus;
import io.moderato.policy.Decision;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** A comment, its latest scores and decision. Scores sit in one column per attribute so queues can filter and sort. */
@Entity
@Table(name = "reader_comment")
public class CommentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id", nullable = false)
    public String siteId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "article_id", nullable = false)
    public String articleId;

    @Column(name = "article_url")
    public String articleUrl;

    @Column(name = "article_title")
    public String articleTitle;

    @Column(name = "author_id", nullable = false)
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "parent_id")
    public String parentId;

    @Column(nullable = false)
    public String text;

    /** SHA-256 of the normalised text: finds repeat posts however they are spelt. */
    @Column(name = "text_fingerprint", nullable = false)
    public String textFingerprint;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "machine_decision", nullable = false)
    public Decision machineDecision;

    /** JSON array of policy reasons. */
    @Column(nullable = false)
    public String reasons;

    /** JSON array of tagged topics, highest first. */
    @Column(nullable = false)
    public String topics;

    /** JSON array of spans. */
    @Column(nullable = false)
    public String spans;

    @Column(name = "model_version", nullable = false)
    public String modelVersion;

    @Column(nullable = false)
    public double toxicity;
    @Column(name = "severe_toxicity", nullable = false)
    public double severeToxicity;
    @Column(nullable = false)
    public double insult;
    @Column(nullable = false)
    public double threat;
    @Column(name = "identity_attack", nullable = false)
    public double identityAttack;
    @Column(nullable = false)
    public double profanity;
    @Column(name = "sexually_explicit", nullable = false)
    public double sexuallyExplicit;

    /** The highest attribute score: what "sort by score" sorts on. */
    @Column(name = "max_score", nullable = false)
    public double maxScore;

    @Column(name = "primary_topic")
    public String primaryTopic;

    /** Per tagged topic code, its score; lets queues filter by topic. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "comment_topic", joinColumns = @JoinColumn(name = "comment_id"))
    @MapKeyColumn(name = "code")
    @Column(name = "score")
    public Map<String, Double> topicScores = new HashMap<>();

    @Column(nullable = false)
    public int revision;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claim_expires_at")
    public Instant claimExpiresAt;

    @Version
    public long version;

    /** @return the attribute scores */
    public Map<Attribute, Double> scores() {
        Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
        scores.put(Attribute.TOXICITY, toxicity);
        scores.put(Attribute.SEVERE_TOXICITY, severeToxicity);
        scores.put(Attribute.INSULT, insult);
        scores.put(Attribute.THREAT, threat);
        scores.put(Attribute.IDENTITY_ATTACK, identityAttack);
        scores.put(Attribute.PROFANITY, profanity);
        scores.put(Attribute.SEXUALLY_EXPLICIT, sexuallyExplicit);
        return scores;
    }

    /** @param scores the attribute scores to store */
    public void setScores(Map<Attribute, Double> scores) {
        toxicity = scores.get(Attribute.TOXICITY);
        severeToxicity = scores.get(Attribute.SEVERE_TOXICITY);
        insult = scores.get(Attribute.INSULT);
        threat = scores.get(Attribute.THREAT);
        identityAttack = scores.get(Attribute.IDENTITY_ATTACK);
        profanity = scores.get(Attribute.PROFANITY);
        sexuallyExplicit = scores.get(Attribute.SEXUALLY_EXPLICIT);
        maxScore = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /**
     * @param attribute an attribute
     * @return the name of its score column, for queries
     */
    public static String scoreColumn(Attribute attribute) {
        return switch (attribute) {
            case TOXICITY -> "toxicity";
            case SEVERE_TOXICITY -> "severeToxicity";
            case INSULT -> "insult";
            case THREAT -> "threat";
            case IDENTITY_ATTACK -> "identityAttack";
            case PROFANITY -> "profanity";
            case SEXUALLY_EXPLICIT -> "sexuallyExplicit";
        };
    }
}
