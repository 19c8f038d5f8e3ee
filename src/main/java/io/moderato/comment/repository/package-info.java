/** Storage of comments, their topics and their revisions. */
package io.moderato.comment.repository;
