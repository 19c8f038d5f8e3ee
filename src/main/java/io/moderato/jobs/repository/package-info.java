/** Storage of jobs. */
package io.moderato.jobs.repository;
