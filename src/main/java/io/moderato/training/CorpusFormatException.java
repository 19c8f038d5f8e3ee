package io.moderato.training;

import java.nio.file.Path;

/** A corpus line that breaks the corpus schema. */
public final class CorpusFormatException extends RuntimeException {

    /**
     * @param file   the corpus file
     * @param line   1-based line number
     * @param reason what is wrong
     */
    public CorpusFormatException(Path file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
    }
}
