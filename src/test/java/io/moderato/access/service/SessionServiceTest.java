package io.moderato.access.service;

import io.quarkus.test.junit.QuarkusTest;

/** Dashboard sessions stored in the embedded H2 database. */
@QuarkusTest
class SessionServiceTest extends SessionServiceContract {
}
