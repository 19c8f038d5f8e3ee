package io.moderato.kafka.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One decision event waiting to be published to Kafka. */
@Entity
@Table(name = "decision_outbox")
public class DecisionOutboxEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The record key: {@code siteId/commentId}, so one comment's events share a partition. */
    @Column(name = "record_key", nullable = false)
    public String recordKey;

    /** The event's JSON, fixed when the change happened. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A relay owns the event until then (null: nobody does). */
    @Column(name = "claimed_until")
    public Instant claimedUntil;
}
