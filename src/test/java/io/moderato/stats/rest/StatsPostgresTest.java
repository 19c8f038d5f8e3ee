package io.moderato.stats.rest;

import io.moderato.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The stats contract on the real PostgreSQL server. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class StatsPostgresTest extends StatsContract {
}
