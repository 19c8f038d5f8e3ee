/**
 * Who may call what, on Quarkus Security: API keys with roles (client, moderator, admin; {@link io.moderato.access.Roles}
 * for {@code @RolesAllowed}), stored hashed, listed by prefix, revocable and expiring; the authentication mechanism
 * and identity providers that check them; per-key rate limits shared by every replica; the dashboard's browser
 * sessions (cookie and CSRF token, kept in the database) that stand in for a key.
 */
package io.moderato.access;
