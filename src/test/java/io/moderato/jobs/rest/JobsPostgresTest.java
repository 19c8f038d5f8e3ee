package io.moderato.jobs.rest;

import io.moderato.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The jobs contract on the real PostgreSQL server, where the training lock is a row lock. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class JobsPostgresTest extends JobsContract {
}
