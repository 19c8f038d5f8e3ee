package io.moderato.access.service;

import io.moderato.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Shared rate limits in the real PostgreSQL server. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class RateLimiterPostgresTest extends RateLimiterContract {
}
