package io.moderato.review.rest;

import io.moderato.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The review contract on the real PostgreSQL server, where claims use FOR UPDATE SKIP LOCKED. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ReviewPostgresTest extends ReviewContract {
}
