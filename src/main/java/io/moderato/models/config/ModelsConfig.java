package io.moderato.models.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** Where Moderato keeps its data and where it finds its corpus. */
@ConfigMapping(prefix = "moderato")
public interface ModelsConfig {

    /**
     * The data directory: model bundles under {@code models/}, the embedded database (env MODERATO_DATA_DIR).
     * Absolute, or relative starting with {@code ./}.
     */
    @WithDefault("./data")
    Path dataDir();

    /** Training at start-up. */
    Training training();

    /** Training at start-up. */
    interface Training {

        /** The corpus directory, with train.jsonl and heldout.jsonl. */
        @WithDefault("training-data")
        Path corpusDir();

        /** Train a bundle from the corpus when the data directory has none. */
        @WithDefault("true")
        boolean whenMissing();
    }
}
