package io.moderato.kafka.service;

/**
 * A comment record that can never be ingested as it is (not JSON, or a field breaks the rules). Nacking a record
 * with it sends the record to the dead-letter topic, the message as its {@code dead-letter-reason} header.
 */
public class MalformedCommentException extends RuntimeException {

    /** @param reason what is wrong with the record, naming the field */
    public MalformedCommentException(String reason) {
        super(reason, null, false, false);
    }
}
