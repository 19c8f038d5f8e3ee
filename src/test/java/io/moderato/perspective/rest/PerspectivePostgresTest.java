package io.moderato.perspective.rest;

import io.moderato.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The Perspective contract on the real PostgreSQL server. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PerspectivePostgresTest extends PerspectiveContract {
}
