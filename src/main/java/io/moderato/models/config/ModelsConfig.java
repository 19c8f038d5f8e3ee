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

    /** Model bundles across replicas. */
    Models models();

    /** Model bundles across replicas. */
    interface Models {

        /**
         * How often a replica reads which bundles the database records as live, to follow a promotion or rollback made
         * on another replica.
         */
        @WithDefault("1s")
        java.time.Duration followInterval();
    }

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

        /**
         * Training jobs learn from every n-th corpus comment (1: all of them; the test profile takes a slice to stay
         * fast).
         */
        @WithDefault("1")
        int corpusStride();

        /** Passes over the training data of the word family in training jobs (default: the project's setting). */
        java.util.Optional<Integer> epochs();

        /** How many times a site's label counts against one corpus comment when a site's bundle is trained. */
        @WithDefault("2")
        int siteLabelWeight();
    }
}
