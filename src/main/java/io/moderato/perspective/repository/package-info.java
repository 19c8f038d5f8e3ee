/** Storage of score suggestions ({@code comments:suggestscore}) as labelled feedback for retraining. */
package io.moderato.perspective.repository;
