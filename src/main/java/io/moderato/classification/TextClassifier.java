package io.moderato.classification;

import io.moderato.text.NormalizedText;
import io.moderato.text.SentenceSplitter;
import io.moderato.text.TextNormalizer;
import io.moderato.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores comments with one model bundle: attribute probabilities, topics, the spans behind each high score and,
 * for long comments, per-sentence scores (a comment never scores below its worst sentence). Thread-safe.
 */
public final class TextClassifier {

    /** Tokens must add at least this share of the strongest token's push to join a span. */
    private static final double SPAN_TOKEN_SHARE = 0.25;
    /** Sentences shorter than this (in tokens) are scored together with a neighbour. */
    static final int MIN_SENTENCE_TOKENS = 6;

    private final ModelBundle bundle;
    private final ScoringSettings settings;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final SentenceSplitter sentenceSplitter = new SentenceSplitter();
    private final FeatureExtractor extractor;

    /**
     * @param bundle   the models to score with
     * @param settings serving-time choices
     */
    public TextClassifier(ModelBundle bundle, ScoringSettings settings) {
        this.bundle = bundle;
        this.settings = settings;
        this.extractor = new FeatureExtractor(bundle.manifest().features());
    }

    /** @return the bundle this classifier scores with */
    public ModelBundle bundle() {
        return bundle;
    }

    /**
     * @param text    the comment
     * @param context the article it was posted under, or null
     * @return the full classification
     */
    public Classification classify(String text, ArticleContext context) {
        NormalizedText normalized = normalizer.normalize(text);
        List<Token> tokens = normalized.tokens();
        Features features = extractor.extract(normalized);
        double[] attributeScores = bundle.attributes().predict(features);

        List<SentenceScore> sentences = scoreSentences(normalized, attributeScores);
        Map<Attribute, Double> attributes = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            attributes.put(attribute, attributeScores[attribute.ordinal()]);
        }
        List<Span> spans = findSpans(normalized, features, attributeScores);
        List<TopicScore> topics = topics(features, context);
        return new Classification(bundle.version(), attributes, topics, spans, sentences);
    }

    /**
     * Attribute scores only, for callers that need nothing else (bulk scoring).
     *
     * @param text the comment
     * @return per attribute, its probability (sentence maximum included for long comments)
     */
    public Map<Attribute, Double> scoreAttributes(String text) {
        NormalizedText normalized = normalizer.normalize(text);
        double[] scores = bundle.attributes().predict(extractor.extract(normalized));
        scoreSentences(normalized, scores);
        Map<Attribute, Double> attributes = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            attributes.put(attribute, scores[attribute.ordinal()]);
        }
        return attributes;
    }

    /**
     * Every topic's score, for evaluation and for callers that choose topics themselves.
     *
     * @param text    the comment
     * @param context the article it was posted under, or null
     * @return per topic, its probability
     */
    public Map<Topic, Double> scoreTopics(String text, ArticleContext context) {
        double[] scores = topicScores(extractor.extract(normalizer.normalize(text)), context);
        Map<Topic, Double> topics = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            topics.put(topic, scores[topic.ordinal()]);
        }
        return topics;
    }

    /**
     * Scores each sentence of a long comment and raises {@code scores} to the worst sentence's. A sentence of fewer
     * than {@value #MIN_SENTENCE_TOKENS} words is scored together with the next one (or the previous, at the end):
     * a two-word fragment says too little to be judged alone.
     */
    private List<SentenceScore> scoreSentences(NormalizedText normalized, double[] scores) {
        String text = normalized.original();
        if (text.length() < settings.sentenceMinLength()) {
            return List.of();
        }
        List<int[]> segments = segments(normalized.tokens(), sentenceSplitter.split(text));
        if (segments.size() < 2) {
            return List.of();
        }
        List<Token> tokens = normalized.tokens();
        List<SentenceScore> result = new ArrayList<>(segments.size());
        for (int[] segment : segments) {
            double[] sentenceScores = bundle.attributes().predict(extractor.extract(text, tokens, segment[0], segment[1]));
            Map<Attribute, Double> byAttribute = new EnumMap<>(Attribute.class);
            for (Attribute attribute : Attribute.values()) {
                double score = sentenceScores[attribute.ordinal()];
                byAttribute.put(attribute, score);
                scores[attribute.ordinal()] = Math.max(scores[attribute.ordinal()], score);
            }
            result.add(new SentenceScore(tokens.get(segment[0]).begin(), tokens.get(segment[1] - 1).end(), byAttribute));
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

    private List<Span> findSpans(NormalizedText normalized, Features features, double[] scores) {
        List<Token> tokens = normalized.tokens();
        List<Span> spans = new ArrayList<>();
        for (Attribute attribute : Attribute.values()) {
            int label = attribute.ordinal();
            if (scores[label] < settings.spanMinScore() || tokens.isEmpty()) {
                continue;
            }
            double[] contributions = bundle.attributes().tokenContributions(features, label, tokens.size());
            double strongest = 0;
            for (double c : contributions) {
                strongest = Math.max(strongest, c);
            }
            if (strongest <= 0) {
                continue;
            }
            double cutoff = strongest * SPAN_TOKEN_SHARE;
            int i = 0;
            while (i < tokens.size()) {
                if (contributions[i] < cutoff) {
                    i++;
                    continue;
                }
                int start = i;
                double push = 0;
                while (i < tokens.size() && contributions[i] >= cutoff) {
                    push += contributions[i];
                    i++;
                }
                double score = LinearMultiLabelModel.sigmoid(bundle.attributes().bias(label) + push);
                spans.add(new Span(tokens.get(start).begin(), tokens.get(i - 1).end(), attribute, score));
            }
        }
        spans.sort(Comparator.comparingInt(Span::begin).thenComparing(Span::attribute));
        return spans;
    }

    private double[] topicScores(Features features, ArticleContext context) {
        double[] scores = bundle.topics().predict(features);
        if (context != null && !context.isEmpty() && settings.contextWeight() > 0) {
            double[] articleScores = bundle.topics().predict(extractor.extract(normalizer.normalize(context.combined())));
            double w = settings.contextWeight();
            for (int i = 0; i < scores.length; i++) {
                scores[i] = (1 - w) * scores[i] + w * articleScores[i];
            }
        }
        return scores;
    }

    private List<TopicScore> topics(Features features, ArticleContext context) {
        double[] scores = topicScores(features, context);
        List<TopicScore> tagged = new ArrayList<>();
        Topic best = null;
        for (Topic topic : Topic.values()) {
            double score = scores[topic.ordinal()];
            if (score >= bundle.threshold(topic)) {
                tagged.add(new TopicScore(topic, score));
            }
            if (best == null || score > scores[best.ordinal()]) {
                best = topic;
            }
        }
        if (tagged.isEmpty() && best != null) {
            // Every comment gets its most likely topic, even when none clears its threshold.
            tagged.add(new TopicScore(best, scores[best.ordinal()]));
        }
        tagged.sort(Comparator.comparingDouble(TopicScore::score).reversed());
        return tagged.size() > settings.maxTopics() ? List.copyOf(tagged.subList(0, settings.maxTopics())) : tagged;
    }
}
