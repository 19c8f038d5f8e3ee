/** The re-scoring job: paging, classification, checkpoints. */
package io.moderato.rescore.service;
