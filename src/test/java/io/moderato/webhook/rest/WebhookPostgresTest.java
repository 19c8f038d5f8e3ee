package io.moderato.webhook.rest;

import io.moderato.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The webhook contract on the real PostgreSQL server. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class WebhookPostgresTest extends WebhookContract {
}
