package io.moderato.access.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

/** The keys' shared token buckets. */
@ApplicationScoped
public class RateLimitBucketRepository implements PanacheRepositoryBase<RateLimitBucketEntity, String> {

    /**
     * Reads a key's bucket and locks it ({@code SELECT ... FOR UPDATE}) until the transaction ends, so that replicas
     * take from it one at a time.
     *
     * @param keyPrefix the key's prefix
     * @return the bucket, unless the key has never been used
     */
    public Optional<RateLimitBucketEntity> lock(String keyPrefix) {
        return findByIdOptional(keyPrefix, LockModeType.PESSIMISTIC_WRITE);
    }
}
