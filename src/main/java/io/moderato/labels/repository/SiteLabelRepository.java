package io.moderato.labels.repository;

import io.moderato.labels.LabelSource;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Site labels. */
@ApplicationScoped
public class SiteLabelRepository implements PanacheRepository<SiteLabelEntity> {

    /**
     * @param siteId  the site
     * @param afterId only labels with a larger id
     * @param limit   at most this many
     * @return the site's labels, by id
     */
    public List<SiteLabelEntity> page(String siteId, long afterId, int limit) {
        return find("siteId = ?1 and id > ?2 order by id", siteId, afterId).page(0, limit).list();
    }

    /**
     * @param siteId    the site
     * @param source    the source
     * @param sourceRef the comment, feedback or import job, or null for every label of the source
     * @return how many labels were deleted
     */
    public long deleteBySource(String siteId, LabelSource source, String sourceRef) {
        return sourceRef == null ? delete("siteId = ?1 and source = ?2", siteId, source)
                : delete("siteId = ?1 and source = ?2 and sourceRef = ?3", siteId, source, sourceRef);
    }

    /**
     * @param siteId the site
     * @return per source, how many labels the site has
     */
    public List<Object[]> countBySource(String siteId) {
        return getEntityManager().createQuery(
                "select l.source, count(l) from SiteLabelEntity l where l.siteId = ?1 group by l.source", Object[].class)
                .setParameter(1, siteId).getResultList();
    }
}
