/** Configuration of the Kafka consumer, the decision relay and their topics. */
package io.moderato.kafka.config;
