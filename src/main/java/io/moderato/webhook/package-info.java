/**
 * Signed webhooks: a comment entered the review queue, left it, or was decided by a moderator. Events are written
 * to an outbox in the transaction that changed the comment and sent by a dispatcher with HMAC-SHA256 signatures,
 * retries with backoff and a delivery log. {@link io.moderato.webhook.WebhookSignature} is what receivers need.
 */
package io.moderato.webhook;
