package io.moderato.training;

import java.util.function.Consumer;

/**
 * Reports training progress as lines of text (a log or the console): each new phase, and within a long phase every
 * further 10% of the run, with the elapsed time.
 */
public final class LoggedProgress implements TrainingProgress {

    private final Consumer<String> out;
    private final long start = System.nanoTime();
    private String lastPhase = "";
    private double lastFraction = -1;

    /** @param out where the lines go */
    public LoggedProgress(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public synchronized void report(String phase, double fraction) {
        String family = phase.replaceAll("\\s*\\(.*\\)$", "");
        if (!family.equals(lastPhase) || fraction - lastFraction >= 0.1 || fraction >= 1.0 && lastFraction < 1.0) {
            out.accept(String.format("training: %3.0f%% %s (%.0f s)", 100 * fraction, phase,
                    (System.nanoTime() - start) / 1e9));
            lastPhase = family;
            lastFraction = fraction;
        }
    }
}
