/**
 * What a moderation dashboard draws: counts per time bucket by status and machine decision, comments over each
 * attribute's review threshold, topics, the most troubled articles, moderator throughput and the review queue's age.
 */
package io.moderato.stats;
