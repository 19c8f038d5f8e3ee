/**
 * Human review: queues with stable cursor pagination, claims that keep two moderators off the same comment (also
 * across instances sharing one PostgreSQL), single and bulk decisions with conflict detection, undo, and the audit
 * trail of every decision.
 */
package io.moderato.review;
