package io.moderato.classification;

import io.moderato.text.NormalizedText;
import io.moderato.text.SentenceSplitter;
import io.moderato.text.Token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * The word family: hashed word, word-pair, character n-gram and lexicon-class features into two linear models
 * (attributes and topics). Long comments are also scored sentence by sentence and never score below their worst
 * sentence. Being linear, it is also the bundle's {@link Explainer}: a score traces back exactly to the tokens
 * that produced it. Thread-safe.
 */
public final class WordModel implements FamilyScorer, Explainer {

    /** Sentences shorter than this (in tokens) are scored together with a neighbour. */
    static final int MIN_SENTENCE_TOKENS = 6;
    /** A token must add at least this share of the strongest token's push to be highlighted. */
    static final double SPAN_TOKEN_SHARE = 0.5;
    /** At most this many spans are reported per attribute, the strongest. */
    static final int MAX_SPANS_PER_ATTRIBUTE = 4;
    /**
     * Per attribute, the attributes whose token contributions show where it lies. Toxicity is a fraction of raters
     * and spreads thinly over a comment's words; its insults and profanity are what made it toxic, and their
     * models point at those words more sharply.
     */
    private static final Map<Attribute, List<Attribute>> SPAN_EVIDENCE = spanEvidence();
    /**
     * Per attribute, the lexicon classes whose words carry it on their own. When a comment holds such a word, it is
     * the highlight: a listed slur or insult is what a moderator must see, even where the model spreads its weight
     * over the words around it. Threats have none: "shot" or "dead" are news words as often as threats.
     */
    private static final Map<Attribute, Set<String>> SPAN_WORD_CLASSES = spanWordClasses();

    private static final Set<String> STOP_WORDS = readStopWords();

    private final FeatureSettings featureSettings;
    private final Lexicon lexicon;
    private final LinearMultiLabelModel attributes;
    private final LinearMultiLabelModel topics;
    private final FeatureExtractor extractor;
    private final SentenceSplitter sentenceSplitter = new SentenceSplitter();
    private final int sentenceMinLength;

    /**
     * @param featureSettings   how text becomes features
     * @param lexicon           the word classes the models were trained with
     * @param attributes        the attribute model, labels in {@link Attribute} order
     * @param topics            the topic model, labels in {@link Topic} order
     * @param sentenceMinLength comments at least this long (chars) are also scored by sentence
     */
    public WordModel(FeatureSettings featureSettings, Lexicon lexicon, LinearMultiLabelModel attributes,
                     LinearMultiLabelModel topics, int sentenceMinLength) {
        this.featureSettings = featureSettings;
        this.lexicon = lexicon;
        this.attributes = attributes;
        this.topics = topics;
        this.extractor = new FeatureExtractor(featureSettings, lexicon);
        this.sentenceMinLength = sentenceMinLength;
    }

    /**
     * @param sentenceMinLength comments at least this long (chars) are also scored by sentence
     * @return the same models with another sentence setting
     */
    public WordModel withSentenceMinLength(int sentenceMinLength) {
        return new WordModel(featureSettings, lexicon, attributes, topics, sentenceMinLength);
    }

    /** @return how text becomes features */
    public FeatureSettings featureSettings() {
        return featureSettings;
    }

    /** @return the bundle's own lexicon */
    public Lexicon lexicon() {
        return lexicon;
    }

    /** @return the attribute model */
    public LinearMultiLabelModel attributeModel() {
        return attributes;
    }

    /** @return the topic model */
    public LinearMultiLabelModel topicModel() {
        return topics;
    }

    /** @return the feature extractor the models read */
    public FeatureExtractor extractor() {
        return extractor;
    }

    @Override
    public ModelFamily family() {
        return ModelFamily.WORD;
    }

    @Override
    public double[] attributes(CommentInput input) {
        return attributesWithSentences(input).attributes();
    }

    /**
     * The attribute scores with the per-sentence scores behind them.
     *
     * @param input the comment
     * @return the scores (raised to the worst sentence's) and, for a long comment, each sentence's
     */
    public Scored attributesWithSentences(CommentInput input) {
        double[] scores = attributes.predict(extractor.extract(input.normalized()));
        List<Sentence> sentences = scoreSentences(input.normalized(), scores);
        return new Scored(scores, sentences);
    }

    /**
     * Everything the word family reads of a comment, from one extraction of its features: what serving a comment
     * asks of it (attributes, sentences, topics, then spans) would otherwise extract them three times.
     *
     * @param normalized the comment, normalised
     * @return its reading
     */
    public Reading read(NormalizedText normalized) {
        Features features = extractor.extract(normalized);
        double[] scores = attributes.predict(features);
        return new Reading(normalized, features, new Scored(scores, scoreSentences(normalized, scores)),
                topics.predict(features));
    }

    /**
     * The word family's reading of one comment.
     *
     * @param normalized the comment, normalised
     * @param features   its features, occurrences included (the spans need them)
     * @param scored     its attribute and sentence scores
     * @param topics     its topic probabilities
     */
    public record Reading(NormalizedText normalized, Features features, Scored scored, double[] topics) {
    }

    /**
     * Attribute scores and their sentences.
     *
     * @param attributes per attribute, the comment's probability
     * @param sentences  per sentence of a long comment, its span and probabilities; else empty
     */
    public record Scored(double[] attributes, List<Sentence> sentences) {
    }

    /**
     * One sentence's scores.
     *
     * @param begin  offset of its first char
     * @param end    offset one past its last char
     * @param scores per attribute, in {@link Attribute} order
     * @param tokens how many tokens the sentence has
     */
    public record Sentence(int begin, int end, double[] scores, int tokens) {
    }

    @Override
    public double[] topics(CommentInput input) {
        return topics.predict(extractor.extract(input.normalized()));
    }

    /**
     * @param article the article's text, normalised
     * @return per topic, the word model's probability for the article
     */
    public double[] topics(NormalizedText article) {
        return topics.predict(extractor.extract(article));
    }

    @Override
    public List<Span> explain(CommentInput input, double[] scores, double minScore) {
        return input.normalized().tokens().isEmpty() ? List.of()
                : explain(input.normalized(), extractor.extract(input.normalized()), scores, minScore);
    }

    /**
     * {@link #explain(CommentInput, double[], double)} of a comment already read.
     *
     * @param reading  the comment's reading
     * @param scores   the verdict, per attribute
     * @param minScore the verdict an attribute needs for its spans to be looked for
     * @return the spans, in text order
     */
    public List<Span> explain(Reading reading, double[] scores, double minScore) {
        return explain(reading.normalized(), reading.features(), scores, minScore);
    }

    private List<Span> explain(NormalizedText normalized, Features features, double[] scores, double minScore) {
        List<Token> tokens = normalized.tokens();
        if (tokens.isEmpty()) {
            return List.of();
        }
        double[][] contributions = new double[Attribute.values().length][];
        List<Lexicon.Hit> hits = lexicon.find(tokens, 0, tokens.size());
        List<Span> spans = new ArrayList<>();
        for (Attribute attribute : Attribute.values()) {
            if (scores[attribute.ordinal()] < minScore) {
                continue;
            }
            double[] strength = new double[tokens.size()];
            Arrays.fill(strength, Double.NEGATIVE_INFINITY);
            for (Attribute evidence : SPAN_EVIDENCE.get(attribute)) {
                int label = evidence.ordinal();
                if (contributions[label] == null) {
                    contributions[label] = attributes.tokenContributions(features, label, tokens.size());
                }
                for (int t = 0; t < strength.length; t++) {
                    strength[t] = Math.max(strength[t], contributions[label][t]);
                }
            }
            spans.addAll(spansFor(attribute, tokens, strength, listedTokens(attribute, hits, tokens.size())));
        }
        spans.sort(Comparator.comparingInt(Span::begin).thenComparing(Span::attribute));
        return spans;
    }

    /** Which tokens belong to a lexicon word that carries the attribute on its own. */
    private static boolean[] listedTokens(Attribute attribute, List<Lexicon.Hit> hits, int tokenCount) {
        boolean[] listed = new boolean[tokenCount];
        Set<String> classes = SPAN_WORD_CLASSES.get(attribute);
        for (Lexicon.Hit hit : hits) {
            if (classes.contains(hit.wordClass())) {
                Arrays.fill(listed, hit.fromToken(), hit.toToken(), true);
            }
        }
        return listed;
    }

    /**
     * The spans of one attribute. When content tokens of the comment are listed words for the attribute, the runs of
     * those; otherwise the runs of neighbouring content tokens that each pushed the attribute up by at least
     * {@link #SPAN_TOKEN_SHARE} of the strongest token's push. Function words and punctuation never start, end or
     * make up a span. The {@link #MAX_SPANS_PER_ATTRIBUTE} strongest runs are kept.
     */
    private List<Span> spansFor(Attribute attribute, List<Token> tokens, double[] strength, boolean[] listed) {
        boolean anyListed = false;
        double strongest = 0;
        for (int i = 0; i < strength.length; i++) {
            if (isContent(tokens.get(i))) {
                strongest = Math.max(strongest, strength[i]);
                anyListed |= listed[i];
            }
        }
        if (strongest <= 0 && !anyListed) {
            return List.of();
        }
        double cutoff = strongest * SPAN_TOKEN_SHARE;
        boolean listedOnly = anyListed;
        IntPredicate highlighted =
                i -> isContent(tokens.get(i)) && (listedOnly ? listed[i] : strength[i] >= cutoff);
        List<double[]> runs = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!highlighted.test(i)) {
                i++;
                continue;
            }
            int start = i;
            double push = 0;
            while (i < tokens.size() && highlighted.test(i)) {
                push += strength[i];
                i++;
            }
            runs.add(new double[] {start, i, push});
        }
        runs.sort(Comparator.comparingDouble((double[] run) -> run[2]).reversed());
        int label = attribute.ordinal();
        return runs.stream().limit(MAX_SPANS_PER_ATTRIBUTE)
                .map(run -> new Span(tokens.get((int) run[0]).begin(), tokens.get((int) run[1] - 1).end(), attribute,
                        LinearMultiLabelModel.sigmoid(attributes.bias(label) + run[2])))
                .toList();
    }

    /**
     * @param token a normalised token
     * @return true when it can carry meaning on its own: not a function word, and not only punctuation
     */
    static boolean isContent(Token token) {
        String word = token.normalized();
        if (STOP_WORDS.contains(word)) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                return true;
            }
        }
        // Emoji and symbols (a middle finger, say) can carry an attribute; plain punctuation cannot.
        return word.codePoints().anyMatch(cp -> Character.getType(cp) == Character.OTHER_SYMBOL);
    }

    /**
     * Scores each sentence of a long comment and raises {@code scores} to the worst sentence's. A sentence of fewer
     * than {@value #MIN_SENTENCE_TOKENS} words is scored together with the next one (or the previous, at the end):
     * a two-word fragment says too little to be judged alone.
     */
    private List<Sentence> scoreSentences(NormalizedText normalized, double[] scores) {
        String text = normalized.original();
        if (text.length() < sentenceMinLength) {
            return List.of();
        }
        List<int[]> segments = segments(normalized.tokens(), sentenceSplitter.split(text));
        if (segments.size() < 2) {
            return List.of();
        }
        List<Token> tokens = normalized.tokens();
        List<Sentence> result = new ArrayList<>(segments.size());
        for (int[] segment : segments) {
            double[] sentenceScores = attributes.predict(extractor.extract(text, tokens, segment[0], segment[1]));
            for (int a = 0; a < scores.length; a++) {
                scores[a] = Math.max(scores[a], sentenceScores[a]);
            }
            result.add(new Sentence(tokens.get(segment[0]).begin(), tokens.get(segment[1] - 1).end(), sentenceScores,
                    segment[1] - segment[0]));
        }
        return result;
    }

    /** Token ranges [from, to) of the sentences, short ones merged into a neighbour. */
    private static List<int[]> segments(List<Token> tokens, List<SentenceSplitter.Sentence> sentences) {
        List<int[]> segments = new ArrayList<>();
        int t = 0;
        int pendingFrom = -1;
        for (SentenceSplitter.Sentence sentence : sentences) {
            while (t < tokens.size() && tokens.get(t).begin() < sentence.begin()) {
                t++;
            }
            int from = pendingFrom >= 0 ? pendingFrom : t;
            while (t < tokens.size() && tokens.get(t).begin() < sentence.end()) {
                t++;
            }
            if (t - from < MIN_SENTENCE_TOKENS) {
                pendingFrom = from;
                continue;
            }
            segments.add(new int[] {from, t});
            pendingFrom = -1;
        }
        if (pendingFrom >= 0 && t > pendingFrom) {
            if (segments.isEmpty()) {
                segments.add(new int[] {pendingFrom, t});
            } else {
                segments.get(segments.size() - 1)[1] = t;
            }
        }
        return segments;
    }

    /**
     * @param scores per attribute, in {@link Attribute} order
     * @return the same as a map
     */
    public static Map<Attribute, Double> byAttribute(double[] scores) {
        Map<Attribute, Double> map = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            map.put(attribute, scores[attribute.ordinal()]);
        }
        return map;
    }

    private static Map<Attribute, List<Attribute>> spanEvidence() {
        Map<Attribute, List<Attribute>> evidence = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            evidence.put(attribute, List.of(attribute));
        }
        evidence.put(Attribute.TOXICITY, List.of(Attribute.TOXICITY, Attribute.INSULT, Attribute.PROFANITY));
        return evidence;
    }

    private static Map<Attribute, Set<String>> spanWordClasses() {
        Map<Attribute, Set<String>> classes = new EnumMap<>(Attribute.class);
        classes.put(Attribute.TOXICITY, Set.of("profane", "insult", "slur", "dehumanising", "sexual"));
        classes.put(Attribute.SEVERE_TOXICITY, Set.of("slur", "dehumanising"));
        classes.put(Attribute.INSULT, Set.of("insult", "slur", "dehumanising"));
        classes.put(Attribute.THREAT, Set.of());
        classes.put(Attribute.IDENTITY_ATTACK, Set.of("slur", "dehumanising"));
        classes.put(Attribute.PROFANITY, Set.of("profane"));
        classes.put(Attribute.SEXUALLY_EXPLICIT, Set.of("sexual"));
        return classes;
    }

    private static Set<String> readStopWords() {
        try (InputStream in = WordModel.class.getResourceAsStream("stopwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("stopwords.txt is missing from the class path");
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
