package io.moderato.labels.rest;

import io.moderato.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The labels contract on the real PostgreSQL server. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class LabelsPostgresTest extends LabelsContract {
}
