/**
 * The moderation dashboard at {@code /dashboard}: sign-in with a moderator or admin key, and page shells (Qute
 * templates under {@code templates/dashboard}) whose scripts ({@code META-INF/resources/dashboard/assets}) read and
 * write through Moderato's own JSON API with the session cookie and its CSRF token.
 */
package io.moderato.dashboard;
