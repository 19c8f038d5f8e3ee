/**
 * Comments through Kafka ({@code moderato.kafka.enabled}): comments are consumed from a topic and ingested like
 * {@code POST /api/v1/comments}; every status change is written to an outbox in the transaction that made it and
 * relayed to the decisions topic in the webhook event shape. Malformed messages go to a dead-letter topic.
 */
package io.moderato.kafka;
