package io.moderato.review.rest;

import io.quarkus.test.junit.QuarkusTest;

/** The review contract on the embedded H2 database. */
@QuarkusTest
class ReviewH2Test extends ReviewContract {
}
