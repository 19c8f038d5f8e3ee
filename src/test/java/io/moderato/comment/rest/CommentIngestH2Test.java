package io.moderato.comment.rest;

import io.quarkus.test.junit.QuarkusTest;

/** The ingest contract on the embedded H2 database. */
@QuarkusTest
class CommentIngestH2Test extends CommentIngestContract {
}
