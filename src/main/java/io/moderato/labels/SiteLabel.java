package io.moderato.labels;

import io.moderato.classification.Attribute;

import java.time.Instant;
import java.util.Map;

/**
 * One labelled text of a site.
 *
 * @param id        the label's id (the held-out slice of a site's labels is chosen by its hash)
 * @param siteId    the site
 * @param source    where it came from
 * @param sourceRef the comment id, feedback id or import job id behind it
 * @param text      the comment
 * @param labels    the attributes its source judged, each 0..1 (0/1, or a share of raters)
 * @param actor     who gave it
 * @param createdAt when it was stored
 */
public record SiteLabel(long id, String siteId, LabelSource source, String sourceRef, String text,
                        Map<Attribute, Double> labels, String actor, Instant createdAt) {

    /**
     * @param slices how many slices the labels are cut into
     * @return this label's slice, 0..slices-1, fixed by its id (a stable hash, so a label never changes slice)
     */
    public int slice(int slices) {
        long h = id * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        return (int) Math.floorMod(h, (long) slices);
    }
}
