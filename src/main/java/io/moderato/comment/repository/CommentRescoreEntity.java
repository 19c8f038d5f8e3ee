package io.moderato.comment.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One re-scoring of a comment by a re-scoring job: the scores and status before and after. Never updated. */
@Entity
@Table(name = "comment_rescore")
public class CommentRescoreEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "comment_id", nullable = false, updatable = false)
    public Long commentId;

    /** The text revision that was re-scored. */
    @Column(nullable = false, updatable = false)
    public int revision;

    @Column(name = "job_id", nullable = false, updatable = false)
    public String jobId;

    @Column(name = "previous_model_version", nullable = false, updatable = false)
    public String previousModelVersion;

    /** JSON object of attribute scores before. */
    @Column(name = "previous_scores", nullable = false, updatable = false)
    public String previousScores;

    @Column(name = "model_version", nullable = false, updatable = false)
    public String modelVersion;

    /** JSON object of attribute scores after. */
    @Column(nullable = false, updatable = false)
    public String scores;

    @Column(name = "previous_status", nullable = false, updatable = false)
    public String previousStatus;

    @Column(nullable = false, updatable = false)
    public String status;

    /** The policy's decision with the new scores; null when a moderator's decision stands. */
    @Column(name = "machine_decision", updatable = false)
    public String machineDecision;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
