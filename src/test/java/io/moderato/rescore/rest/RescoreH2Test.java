package io.moderato.rescore.rest;

import io.quarkus.test.junit.QuarkusTest;

/** The re-scoring contract on the embedded H2 database. */
@QuarkusTest
class RescoreH2Test extends RescoreContract {
}
