package io.moderato.access.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Failed dashboard sign-ins from one client address, shared by every replica. */
@Entity
@Table(name = "sign_in_failure")
public class SignInFailureEntity {

    /** The client's address as the server saw it. */
    @Id
    public String address;

    @Column(nullable = false)
    public int failures;

    @Column(name = "first_at", nullable = false)
    public Instant firstAt;

    @Column(name = "last_at", nullable = false)
    public Instant lastAt;

    /** Refused until then, when the address reached the most failures allowed. */
    @Column(name = "locked_until")
    public Instant lockedUntil;
}
