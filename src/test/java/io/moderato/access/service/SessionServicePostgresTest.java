package io.moderato.access.service;

import io.moderato.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Dashboard sessions stored in the real PostgreSQL server. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class SessionServicePostgresTest extends SessionServiceContract {
}
