package io.moderato.problem;

import io.quarkus.test.junit.QuarkusTest;

/** The server-error reproducers on the embedded H2 database. */
@QuarkusTest
class ServerErrorsH2Test extends ServerErrorsContract {
}
