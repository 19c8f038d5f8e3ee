package io.moderato.training;

/** Where a training run reports how far it is: a log, a job row, a test. */
@FunctionalInterface
public interface TrainingProgress {

    /** Reports nothing. */
    TrainingProgress NONE = (phase, fraction) -> { };

    /**
     * @param phase    what the run is doing now, e.g. "embedding the corpus"
     * @param fraction how much of the whole run is done, 0 to 1
     */
    void report(String phase, double fraction);
}
