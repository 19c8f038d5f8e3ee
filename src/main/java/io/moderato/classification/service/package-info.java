/** The classification service: the live model bundle, scoring requests with it, and its health and metrics. */
package io.moderato.classification.service;
