package io.moderato.audit.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One audit entry. Rows are only ever inserted. */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "site_id", updatable = false)
    public String siteId;

    @Column(name = "comment_id", updatable = false)
    public String commentId;

    @Column(name = "previous_status", updatable = false)
    public String previousStatus;

    @Column(name = "new_status", updatable = false)
    public String newStatus;

    @Column(updatable = false)
    public String reason;

    @Column(updatable = false)
    public String note;

    @Column(updatable = false)
    public String scores;

    @Column(updatable = false)
    public String details;
}
