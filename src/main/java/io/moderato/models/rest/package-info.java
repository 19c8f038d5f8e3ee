/** The admin API over the model bundles: which versions exist, which is live, and their evaluation reports. */
package io.moderato.models.rest;
