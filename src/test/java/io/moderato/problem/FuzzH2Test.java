package io.moderato.problem;

import io.quarkus.test.junit.QuarkusTest;

/** The fuzz suite on the embedded H2 database. */
@QuarkusTest
class FuzzH2Test extends FuzzContract {
}
