package io.moderato.labels.rest;

import io.quarkus.test.junit.QuarkusTest;

/** The labels contract on the embedded H2 database. */
@QuarkusTest
class LabelsH2Test extends LabelsContract {
}
