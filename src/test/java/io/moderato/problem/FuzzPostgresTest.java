package io.moderato.problem;

import io.moderato.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The fuzz suite on PostgreSQL, which refuses text H2 accepts (NUL characters). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class FuzzPostgresTest extends FuzzContract {
}
