package io.moderato.access.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;

/** Failed dashboard sign-ins per client address. */
@ApplicationScoped
public class SignInFailureRepository implements PanacheRepositoryBase<SignInFailureEntity, String> {

    /**
     * Reads an address's failures and locks the row ({@code SELECT ... FOR UPDATE}) until the transaction ends, so
     * that replicas count one failure at a time.
     *
     * @param address the client's address
     * @return its failures, if it has any on record
     */
    public Optional<SignInFailureEntity> lock(String address) {
        return findByIdOptional(address, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * @param lastBefore failures whose last one is older than this ...
     * @param now        ... and with no lockout in force now
     * @return how many rows were deleted
     */
    public long deleteOver(Instant lastBefore, Instant now) {
        return delete("lastAt < ?1 and (lockedUntil is null or lockedUntil < ?2)", lastBefore, now);
    }
}
