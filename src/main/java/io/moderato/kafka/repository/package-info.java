/** The decision-event outbox: rows written with each status change, deleted once Kafka has them. */
package io.moderato.kafka.repository;
