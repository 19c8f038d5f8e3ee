package io.moderato.jobs.repository;

import io.moderato.jobs.JobStatus;
import io.moderato.jobs.JobType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A job's row: what it is, where it is, which instance runs it and when that instance last said it is alive. */
@Entity
@Table(name = "job")
public class JobEntity {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public JobType type;

    @Column(name = "site_id", updatable = false)
    public String siteId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status;

    /** 0 to 1. */
    @Column(nullable = false)
    public double progress;

    public String phase;

    @Column(name = "eta_seconds")
    public Long etaSeconds;

    /** JSON, or null until the job has one. */
    public String result;

    @Column(name = "owner_instance", nullable = false)
    public String ownerInstance;

    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** What the job was asked to do (JSON), or null. */
    @Column(updatable = false)
    public String request;

    /** How far a resumable job got (JSON, committed with each page of its work), or null before its first page. */
    public String checkpoint;
}
