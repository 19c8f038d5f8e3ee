package io.moderato.classification;

import io.moderato.text.NormalizedText;
import io.moderato.text.TextNormalizer;
import io.moderato.text.Token;

import java.util.Arrays;
import java.util.List;

/**
 * Turns normalised tokens into hashed features: each word, each pair of neighbouring words, the character
 * n-grams of each word (so unseen spellings and typos still share most of their features with known words) and
 * the {@link Lexicon} classes the words belong to.
 * Feature values are {@code 1 + ln(count)}, L2-normalised over the text. One shouting feature marks text written
 * mostly in capitals. Thread-safe.
 */
public final class FeatureExtractor {

    /** Name of the feature that marks a text written mostly in capital letters. */
    public static final String SHOUTING = "shouting";

    private static final int MAX_WORD_FOR_NGRAMS = 40;
    private static final String ADDRESSEE = "addressee";
    /** An addressing word this many tokens or fewer before a match makes it aimed at someone. */
    private static final int ADDRESS_WINDOW = 4;

    private final Lexicon lexicon;
    private final FeatureSettings settings;
    private final int mask;
    private final String[] bucketNames;

    /**
     * @param settings how to extract; taken from the bundle being trained or served
     * @param lexicon  the word classes; the bundle's own copy
     */
    public FeatureExtractor(FeatureSettings settings, Lexicon lexicon) {
        this.settings = settings;
        this.lexicon = lexicon;
        this.mask = (1 << settings.hashBits()) - 1;
        this.bucketNames = new String[1 << settings.hashBits()];
    }

    /** @return the settings this extractor applies */
    public FeatureSettings settings() {
        return settings;
    }

    /**
     * @param text a normalised comment
     * @return its features, traced to its tokens
     */
    public Features extract(NormalizedText text) {
        return extract(text.original(), text.tokens(), 0, text.tokens().size());
    }

    /**
     * Features of a run of tokens, e.g. one sentence.
     *
     * @param original the original text, for the shouting feature
     * @param tokens   all tokens of the text
     * @param from     first token of the run
     * @param to       one past the last token of the run
     * @return the run's features; occurrence token indices refer to {@code tokens}
     */
    public Features extract(String original, List<Token> tokens, int from, int to) {
        OccurrenceBuffer buffer = new OccurrenceBuffer(Math.max(16, (to - from) * 16));
        for (int t = from; t < to; t++) {
            String word = tokens.get(t).normalized();
            buffer.add(hash('w', word, 0, word.length()), t, 1.0);
            if (settings.wordBigrams() && t + 1 < to) {
                String next = tokens.get(t + 1).normalized();
                int bucket = mix(hash('b', word, 0, word.length()) * 31 + hash('b', next, 0, next.length()));
                buffer.add(bucket, t, 0.5);
                buffer.add(bucket, t + 1, 0.5);
            }
            if (hasNgrams(word)) {
                addCharNgrams(word, t, buffer);
            }
        }
        addLexiconClasses(tokens, from, to, buffer);
        boolean shouting = isShouting(original, tokens, from, to);
        return buffer.toFeatures(shouting);
    }

    private static boolean hasNgrams(String word) {
        return word.length() <= MAX_WORD_FOR_NGRAMS && !word.equals(TextNormalizer.URL)
                && !word.equals(TextNormalizer.MENTION) && Character.isLetter(word.charAt(0));
    }

    private void addCharNgrams(String word, int token, OccurrenceBuffer buffer) {
        String bounded = "<" + word + ">";
        int length = bounded.length();
        for (int n = settings.charNgramMin(); n <= settings.charNgramMax(); n++) {
            for (int i = 0; i + n <= length; i++) {
                // The whole bounded word is already the word feature.
                if (n == length) {
                    continue;
                }
                buffer.add(hash('c', bounded, i, i + n), token, 1.0);
            }
        }
    }

    /**
     * A feature per lexicon class matched, shared by the tokens of the match, and a second one when the match
     * follows a word addressing the reader ("you ... idiot"): abuse aimed at someone weighs differently.
     */
    private void addLexiconClasses(List<Token> tokens, int from, int to, OccurrenceBuffer buffer) {
        List<Lexicon.Hit> hits = lexicon.find(tokens, from, to);
        for (Lexicon.Hit hit : hits) {
            addClass(hit.wordClass(), hit, buffer);
            if (!ADDRESSEE.equals(hit.wordClass())) {
                for (Lexicon.Hit other : hits) {
                    if (ADDRESSEE.equals(other.wordClass()) && other.fromToken() < hit.fromToken()
                            && hit.fromToken() - other.fromToken() <= ADDRESS_WINDOW) {
                        addClass("addressed-" + hit.wordClass(), hit, buffer);
                        break;
                    }
                }
            }
        }
    }

    private void addClass(String name, Lexicon.Hit hit, OccurrenceBuffer buffer) {
        int bucket = hash('l', name, 0, name.length());
        double share = 1.0 / (hit.toToken() - hit.fromToken());
        for (int t = hit.fromToken(); t < hit.toToken(); t++) {
            buffer.add(bucket, t, share);
        }
    }

    /** Eight or more letters, at least 70% of them capitals. */
    private static boolean isShouting(String original, List<Token> tokens, int from, int to) {
        if (from >= to) {
            return false;
        }
        int begin = tokens.get(from).begin();
        int end = tokens.get(to - 1).end();
        int letters = 0;
        int capitals = 0;
        for (int i = begin; i < end; i++) {
            char c = original.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    capitals++;
                }
            }
        }
        return letters >= 8 && capitals * 10 >= letters * 7;
    }

    private int hash(char family, String s, int from, int to) {
        int h = 0x811C9DC5 ^ family;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return mix(h);
    }

    /** Murmur3's finaliser: spreads FNV's bits so that the low bits make good buckets. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    private String bucketName(int bucket) {
        String name = bucketNames[bucket];
        if (name == null) {
            name = "h" + bucket;
            bucketNames[bucket] = name;
        }
        return name;
    }

    /** Collects occurrences, then folds them into distinct features. */
    private final class OccurrenceBuffer {
        private int[] buckets;
        private int[] tokens;
        private double[] shares;
        private int size;

        OccurrenceBuffer(int capacity) {
            buckets = new int[capacity];
            tokens = new int[capacity];
            shares = new double[capacity];
        }

        void add(int hash, int token, double share) {
            if (size == buckets.length) {
                buckets = Arrays.copyOf(buckets, size * 2);
                tokens = Arrays.copyOf(tokens, size * 2);
                shares = Arrays.copyOf(shares, size * 2);
            }
            buckets[size] = hash & mask;
            tokens[size] = token;
            shares[size] = share;
            size++;
        }

        Features toFeatures(boolean shouting) {
            // Sort occurrence indices by bucket to count each bucket.
            long[] keyed = new long[size];
            for (int i = 0; i < size; i++) {
                keyed[i] = ((long) buckets[i] << 32) | i;
            }
            Arrays.sort(keyed);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (i == 0 || (keyed[i] >>> 32) != (keyed[i - 1] >>> 32)) {
                    distinct++;
                }
            }
            int total = distinct + (shouting ? 1 : 0);
            String[] names = new String[total];
            double[] values = new double[total];
            int[] occurrenceFeature = new int[size];
            int[] occurrenceToken = new int[size];
            double[] occurrenceShare = new double[size];
            int feature = -1;
            int start = 0;
            double norm = 0;
            for (int i = 0; i <= size; i++) {
                boolean newBucket = i == size || i == 0 || (keyed[i] >>> 32) != (keyed[i - 1] >>> 32);
                if (newBucket && i > 0) {
                    double count = 0;
                    for (int k = start; k < i; k++) {
                        count += shares[(int) keyed[k]];
                    }
                    double value = 1.0 + Math.log(Math.max(1.0, count));
                    values[feature] = value;
                    norm += value * value;
                    for (int k = start; k < i; k++) {
                        int occurrence = (int) keyed[k];
                        occurrenceFeature[k] = feature;
                        occurrenceToken[k] = tokens[occurrence];
                        occurrenceShare[k] = shares[occurrence] / count;
                    }
                }
                if (i < size && newBucket) {
                    feature++;
                    names[feature] = bucketName((int) (keyed[i] >>> 32));
                    start = i;
                }
            }
            if (shouting) {
                names[total - 1] = SHOUTING;
                values[total - 1] = 1.0;
                norm += 1.0;
            }
            if (norm > 0) {
                double scale = 1.0 / Math.sqrt(norm);
                for (int i = 0; i < total; i++) {
                    values[i] *= scale;
                }
            }
            return new Features(names, values, occurrenceFeature, occurrenceToken, occurrenceShare);
        }
    }
}
