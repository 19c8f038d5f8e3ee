/**
 * Text normalisation shared by the models and the word lists: Unicode folding, look-alike letters, leetspeak,
 * masked and spaced-out words, URLs and mentions, and sentence splitting. Every step keeps the offsets of the
 * original text, so that what a model or a word list finds can be shown in the comment as written.
 */
package io.moderato.text;
