/** Configuration of jobs. */
package io.moderato.jobs.config;
