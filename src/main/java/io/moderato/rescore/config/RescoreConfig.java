package io.moderato.rescore.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How re-scoring jobs work through the stored comments. */
@ConfigMapping(prefix = "moderato.rescore")
public interface RescoreConfig {

    /**
     * Comments per page: each page is classified in one batch and committed in one transaction with the job's
     * checkpoint, so at most one page is done again when a job resumes on another replica.
     */
    @WithDefault("200")
    int pageSize();
}
