/** The append-only audit log: every ingest, edit and moderator decision, with who, when, before and after. */
package io.moderato.audit;
