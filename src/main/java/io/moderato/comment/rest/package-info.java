/** {@code /api/v1/comments}, {@code /api/v1/authors} and {@code /api/v1/articles}: ingest and context views. */
package io.moderato.comment.rest;
