/** Storage of API keys and of the dashboard's sessions. */
package io.moderato.access.repository;
