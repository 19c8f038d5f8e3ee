package io.moderato.access.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Dashboard sessions by the hash of their cookie. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<SessionEntity, String> {

    /**
     * @param now the current time
     * @return how many ended sessions were deleted
     */
    public long deleteEnded(Instant now) {
        return delete("expiresAt <= ?1", now);
    }
}
