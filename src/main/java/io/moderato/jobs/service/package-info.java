/** Starting, running, watching and cancelling jobs. */
package io.moderato.jobs.service;
