/** Storage of API keys. */
package io.moderato.access.repository;
