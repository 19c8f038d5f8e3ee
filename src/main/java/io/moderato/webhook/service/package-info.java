/**
 * Webhook endpoints (admin), the outbox observer that records events in the comment's own transaction, and the
 * scheduled dispatcher that signs, sends and retries them.
 */
package io.moderato.webhook.service;
