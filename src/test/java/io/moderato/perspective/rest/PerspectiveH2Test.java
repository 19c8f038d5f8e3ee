package io.moderato.perspective.rest;

import io.quarkus.test.junit.QuarkusTest;

/** The Perspective contract on the embedded H2 database. */
@QuarkusTest
class PerspectiveH2Test extends PerspectiveContract {
}
