/**
 * Who may call what: API keys with roles (client, moderator, admin), stored hashed, listed by prefix, revocable and
 * expiring; the request filter that checks them on every API call; per-key rate limits; the dashboard's browser sessions (cookie and CSRF token) that stand in for a key.
 */
package io.moderato.access;
