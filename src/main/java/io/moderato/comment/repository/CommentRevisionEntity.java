package io.moderato.comment.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One version of a comment's text with the scores and decision it got. */
@Entity
@Table(name = "comment_revision")
public class CommentRevisionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "comment_id", nullable = false, updatable = false)
    public Long commentId;

    @Column(nullable = false, updatable = false)
    public int revision;

    @Column(nullable = false, updatable = false)
    public String text;

    /** JSON object of attribute scores. */
    @Column(nullable = false, updatable = false)
    public String scores;

    @Column(nullable = false, updatable = false)
    public String decision;

    /** JSON array of policy reasons. */
    @Column(nullable = false, updatable = false)
    public String reasons;

    @Column(name = "model_version", nullable = false, updatable = false)
    public String modelVersion;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
