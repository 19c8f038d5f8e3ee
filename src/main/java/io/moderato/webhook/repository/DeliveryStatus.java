package io.moderato.webhook.repository;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Not delivered yet; will be tried at its next attempt time. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Given up after the last allowed attempt. */
    FAILED
}
