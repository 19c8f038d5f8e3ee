/** Storage of site labels. */
package io.moderato.labels.repository;
