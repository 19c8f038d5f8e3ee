package io.moderato.access.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A key's token bucket, shared by every replica (see {@code io.moderato.access.service.RateLimiter}). */
@Entity
@Table(name = "rate_limit_bucket")
public class RateLimitBucketEntity {

    /** The key's prefix ({@code bootstrap} for the bootstrap key). */
    @Id
    @Column(name = "key_prefix")
    public String keyPrefix;

    @Column(nullable = false)
    public double tokens;

    /** When the tokens were counted, epoch milliseconds of the replica that counted them. */
    @Column(name = "updated_at", nullable = false)
    public long updatedAt;
}
