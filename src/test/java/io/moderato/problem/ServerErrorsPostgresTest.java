package io.moderato.problem;

import io.moderato.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The server-error reproducers on PostgreSQL, which refuses NUL characters and mangles lone surrogates. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ServerErrorsPostgresTest extends ServerErrorsContract {
}
