/** Storage of webhook endpoints and of the delivery outbox. */
package io.moderato.webhook.repository;
