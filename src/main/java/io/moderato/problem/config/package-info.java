/** Configuration of the service's own HTTP limits ({@code moderato.http.*}). */
package io.moderato.problem.config;
