/** Deciding a Coral comment: the site it belongs to, its classification and the site's policy. */
package io.moderato.coral.service;
