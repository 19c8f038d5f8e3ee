/** Checking Perspective requests, scoring them with the live model, and storing score suggestions as feedback. */
package io.moderato.perspective.service;
