/**
 * Comments as the sites send them: ingest (idempotent on site and comment id; an edit is scored again and its
 * history kept), classification, the site's policy decision, and the views a moderator needs to judge in context
 * (the comment with its history, the author's recent comments, the article's thread).
 */
package io.moderato.comment;
