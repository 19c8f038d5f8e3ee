package io.moderato.webhook.rest;

import io.quarkus.test.junit.QuarkusTest;

/** The webhook contract on the embedded H2 database. */
@QuarkusTest
class WebhookH2Test extends WebhookContract {
}
