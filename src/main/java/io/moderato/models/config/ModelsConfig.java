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

        /**
         * Train that first bundle before the service starts answering, instead of in the background while it answers
         * 503 (the test profile waits, so every test starts with a model).
         */
        @WithDefault("false")
        boolean waitAtStart();
    }
}
