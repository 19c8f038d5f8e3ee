/**
 * Errors as RFC 7807 problem details ({@code application/problem+json}): one shape for every failure the API
 * reports, naming the offending field and the reason.
 */
package io.moderato.problem;
