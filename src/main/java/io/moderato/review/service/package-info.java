/** Queue listing and claiming, decisions and undo. */
package io.moderato.review.service;
