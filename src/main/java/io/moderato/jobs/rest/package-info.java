/** The admin API of jobs. */
package io.moderato.jobs.rest;
