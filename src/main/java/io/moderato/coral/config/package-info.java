/** Configuration of the Coral integration ({@code moderato.coral.*}). */
package io.moderato.coral.config;
