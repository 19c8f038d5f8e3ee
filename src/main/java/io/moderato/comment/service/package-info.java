/** Ingesting comments (classify, decide, store, audit) and reading them back. */
package io.moderato.comment.service;
