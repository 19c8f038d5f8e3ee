/**
 * Coral Talk's External Moderation Phase: Coral posts each new or edited comment, signed with a shared secret;
 * Moderato classifies it, applies the site's policy and answers with Coral's status and flag actions (reject, hold,
 * or no objection). Nothing is stored: Coral stays the system of record for its comments.
 */
package io.moderato.coral;
