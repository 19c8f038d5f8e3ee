package io.moderato.stats.rest;

import io.quarkus.test.junit.QuarkusTest;

/** The stats contract on the embedded H2 database. */
@QuarkusTest
class StatsH2Test extends StatsContract {
}
