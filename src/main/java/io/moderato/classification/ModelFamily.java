package io.moderato.classification;

/** The kinds of model a bundle combines. */
public enum ModelFamily {
    /** Hashed words, word pairs, character n-grams and lexicon classes into linear models. */
    WORD,
    /** A pretrained sentence encoder's embedding into logistic-regression heads. */
    ENCODER
}
