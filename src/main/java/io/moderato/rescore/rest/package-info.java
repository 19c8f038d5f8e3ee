/** The admin API that starts a re-scoring. */
package io.moderato.rescore.rest;
