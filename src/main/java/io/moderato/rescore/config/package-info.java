/** Configuration of re-scoring. */
package io.moderato.rescore.config;
