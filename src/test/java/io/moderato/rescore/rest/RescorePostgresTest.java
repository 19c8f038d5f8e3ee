package io.moderato.rescore.rest;

import io.moderato.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The re-scoring contract on the real PostgreSQL server, where a take-over races on a row lock. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class RescorePostgresTest extends RescoreContract {
}
