package io.moderato.access.service;

import io.quarkus.test.junit.QuarkusTest;

/** Shared rate limits in the embedded H2 database (one instance). */
@QuarkusTest
class RateLimiterTest extends RateLimiterContract {
}
