package io.moderato.jobs.rest;

import io.quarkus.test.junit.QuarkusTest;

/** The jobs contract on the embedded H2 database. */
@QuarkusTest
class JobsH2Test extends JobsContract {
}
