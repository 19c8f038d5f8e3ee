/**
 * The model bundles' life in the service: on start, load the newest bundle from the data directory, training one
 * from the corpus first when there is none, so that a fresh checkout serves without any setup.
 */
package io.moderato.models;
