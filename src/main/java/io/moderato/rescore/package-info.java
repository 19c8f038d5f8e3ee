/**
 * Re-scoring of stored comments after a promotion: a resumable job that pages through a site's (or every site's)
 * comments of a period, scores them with the live bundles and re-applies the sites' policies, committing a
 * checkpoint with each page so another replica can resume it.
 */
package io.moderato.rescore;
