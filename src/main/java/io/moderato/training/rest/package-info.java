/** The admin API that starts trainings. */
package io.moderato.training.rest;
