/** The admin API of site labels. */
package io.moderato.labels.rest;
