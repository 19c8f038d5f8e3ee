package io.moderato.access.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An open dashboard session: the SHA-256 of its cookie, never the cookie itself, nor the key it was opened with. */
@Entity
@Table(name = "dashboard_session")
public class SessionEntity {

    /** The SHA-256 of the cookie's value, hex. */
    @Id
    @Column(name = "id_hash")
    public String idHash;

    @Column(name = "csrf_token", nullable = false)
    public String csrfToken;

    /** The prefix of the key signed in with; null for the bootstrap key. */
    @Column(name = "key_prefix")
    public String keyPrefix;

    /** The SHA-256 of the key signed in with, hex. */
    @Column(name = "key_digest", nullable = false)
    public String keyDigest;

    @Column(nullable = false)
    public String actor;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
