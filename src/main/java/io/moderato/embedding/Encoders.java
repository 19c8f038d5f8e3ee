package io.moderato.embedding;

/** Opens encoders by name, for the command-line tools, which embed corpora and evaluation sets in bulk. */
public final class Encoders {

    /** The value that asks for no encoder (word-only bundles). */
    public static final String NONE = "none";

    private Encoders() {
    }

    /**
     * @param name a known encoder's name, or {@value #NONE}
     * @return the loaded encoder, made for bulk work (see {@link SentenceEncoder#forBulk}), or null for {@value #NONE}
     * @throws IllegalArgumentException when the name is unknown or its jar is not on the class path
     */
    public static SentenceEncoder open(String name) {
        if (NONE.equals(name)) {
            return null;
        }
        EncoderSpec spec = EncoderSpec.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown encoder " + name + "; known: " + EncoderSpec.knownNames() + " or " + NONE));
        if (!spec.isAvailable()) {
            throw new IllegalArgumentException("encoder " + name + " is not on the class path (" + spec.artifact()
                    + "); the measured alternatives come with -Pencoders");
        }
        return SentenceEncoder.forBulk(spec);
    }
}
