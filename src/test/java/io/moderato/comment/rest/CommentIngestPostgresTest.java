package io.moderato.comment.rest;

import io.moderato.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The ingest contract on the real PostgreSQL server. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class CommentIngestPostgresTest extends CommentIngestContract {
}
