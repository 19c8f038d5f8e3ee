/** Consuming comments from Kafka and relaying decision events to it. */
package io.moderato.kafka.service;
