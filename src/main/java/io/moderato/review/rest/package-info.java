/** {@code /api/v1/queue}, decisions ({@code /api/v1/comments/{siteId}/{id}/decision}, {@code /api/v1/decisions}) and undo. */
package io.moderato.review.rest;
