package io.moderato.stats.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A site's figures for a period (comments counted by when Moderato received them).
 *
 * @param siteId            the site
 * @param from              start of the period (inclusive)
 * @param to                end of the period (exclusive)
 * @param bucket            {@code hour} or {@code day}
 * @param buckets           every bucket of the period, oldest first, empty ones included
 * @param byAttribute       per attribute, comments scoring at or above the site's current review threshold
 * @param byTopic           per IPTC topic, comments tagged with it, most first
 * @param mostToxicArticles the ten articles with the most held or rejected comments
 * @param moderators        moderators' decisions in the period
 * @param queue             the review queue now
 */
public record DashboardStats(String siteId, Instant from, Instant to, String bucket, List<Bucket> buckets,
                             List<AttributeCount> byAttribute, List<TopicCount> byTopic,
                             List<ArticleCount> mostToxicArticles, Moderators moderators, Queue queue) {

    /**
     * One time bucket.
     *
     * @param start      its start
     * @param received   comments received in it
     * @param byStatus   their current status: REVIEW, APPROVED, REJECTED (all three present)
     * @param byDecision the policy's decision: APPROVE, REVIEW, REJECT (all three present)
     */
    public record Bucket(Instant start, long received, Map<String, Long> byStatus, Map<String, Long> byDecision) {
    }

    /**
     * @param attribute the attribute
     * @param threshold the site's review threshold for it (its reject threshold when it has no review one; null
     *                  when it has neither, and then nothing is counted)
     * @param count     comments at or above it
     */
    public record AttributeCount(String attribute, Double threshold, long count) {
    }

    /**
     * @param code  IPTC code, e.g. {@code medtop:11000000}
     * @param name  IPTC name, e.g. {@code politics}
     * @param count comments tagged with it
     */
    public record TopicCount(String code, String name, long count) {
    }

    /**
     * @param id           the site's article id
     * @param title        its title
     * @param url          its URL
     * @param comments     comments on it received in the period
     * @param held         of those, in the review queue now
     * @param rejected     of those, rejected
     * @param meanToxicity mean toxicity score of its comments
     */
    public record ArticleCount(String id, String title, String url, long comments, long held, long rejected,
                               double meanToxicity) {
    }

    /**
     * @param decisions                     decisions in the period
     * @param medianSecondsToDecision       median time from receipt to decision, all moderators (null: none)
     * @param byModerator                   per moderator, most decisions first
     */
    public record Moderators(long decisions, Double medianSecondsToDecision, List<Moderator> byModerator) {
    }

    /**
     * @param actor                   the moderator's key name
     * @param decisions               decisions made
     * @param approved                of those, approvals
     * @param rejected                of those, rejections
     * @param medianSecondsToDecision median time from receipt to their decision
     */
    public record Moderator(String actor, long decisions, long approved, long rejected, Double medianSecondsToDecision) {
    }

    /**
     * @param size             comments waiting for review now
     * @param oldestAgeSeconds how long the oldest has waited (null when empty)
     * @param medianAgeSeconds the median wait (null when empty)
     */
    public record Queue(long size, Double oldestAgeSeconds, Double medianAgeSeconds) {
    }
}
