package io.moderato.classification;

import io.moderato.embedding.Embedder;
import io.moderato.text.NormalizedText;
import io.moderato.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores comments with one model bundle: each family's opinion, the combiner's calibrated verdict (for a site's bundle
 * mapped through the site's calibration), topics, the
 * spans behind each high score and, for long comments, per-sentence scores. In {@link ScoringMode#FULL} the encoder
 * family takes part (through the given {@link Embedder}); in {@link ScoringMode#FAST}, or when the bundle or the
 * service has no encoder, the word family alone. Thread-safe.
 */
public final class TextClassifier {

    private final ModelBundle bundle;
    private final ScoringSettings settings;
    private final Embedder embedder;
    private final WordModel word;
    private final TextNormalizer normalizer = new TextNormalizer();

    /**
     * @param bundle   the models to score with
     * @param settings serving-time choices
     * @param embedder the bundle's sentence encoder (or a cache or batcher of it); null to score in fast mode only
     */
    public TextClassifier(ModelBundle bundle, ScoringSettings settings, Embedder embedder) {
        this.bundle = bundle;
        this.settings = settings;
        this.embedder = bundle.hasEncoder() ? embedder : null;
        this.word = bundle.word().withSentenceMinLength(settings.sentenceMinLength());
    }

    /** @return the bundle this classifier scores with */
    public ModelBundle bundle() {
        return bundle;
    }

    /**
     * @param requested the mode a caller asked for
     * @return the mode it gets: full needs an encoder family and an embedder
     */
    public ScoringMode effectiveMode(ScoringMode requested) {
        return requested == ScoringMode.FULL && embedder != null ? ScoringMode.FULL : ScoringMode.FAST;
    }

    /**
     * @param text    the comment
     * @param context the article it was posted under, or null
     * @param mode    how to score
     * @return the full classification, spans included
     */
    public Classification classify(String text, ArticleContext context, ScoringMode mode) {
        return classifyAll(List.of(text), java.util.Collections.singletonList(context), mode, true).get(0);
    }

    /**
     * Classifies several comments; in full mode their embeddings are computed together, in one encoder call.
     *
     * @param texts    the comments
     * @param contexts per comment its article, or null (the list may be null)
     * @param mode     how to score
     * @param spans    whether to find the spans behind high scores
     * @return classifications in order
     */
    public List<Classification> classifyAll(List<String> texts, List<ArticleContext> contexts, ScoringMode mode,
                                            boolean spans) {
        List<WordModel.Reading> readings;
        Embedded embedded = null;
        if (effectiveMode(mode) == ScoringMode.FULL) {
            // The word family reads the comments on a helper thread while this one waits for the encoder, whose
            // runs leave the cores part idle (64 comments of 100-140 characters a call: 303-307 comments/s one after
            // the other, 315-330 side by side). A lone comment is read here: in the service its request already
            // overlaps with the others' through the embedding batcher.
            SideTask<List<WordModel.Reading>> reading = texts.size() > 1 ? SideTask.offer(() -> read(texts)) : null;
            embedded = embed(texts, contexts);
            readings = reading == null ? read(texts) : reading.join();
        } else {
            readings = read(texts);
        }
        List<Classification> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            CommentInput input = new CommentInput(readings.get(i).normalized(), contexts == null ? null : contexts.get(i),
                    embedded == null ? null : embedded.comments()[i], embedded == null ? null : embedded.contexts()[i]);
            out.add(classifyInput(input, readings.get(i), spans));
        }
        return out;
    }

    private List<WordModel.Reading> read(List<String> texts) {
        List<WordModel.Reading> readings = new ArrayList<>(texts.size());
        for (String text : texts) {
            readings.add(word.read(normalizer.normalize(text)));
        }
        return readings;
    }

    /**
     * @param text    the comment
     * @param context the article it was posted under, or null
     * @return the full classification in full mode (fast when there is no encoder), spans included
     */
    public Classification classify(String text, ArticleContext context) {
        return classify(text, context, ScoringMode.FULL);
    }

    /**
     * Classifies a comment whose embedding was computed elsewhere (evaluation reads them from its cache).
     *
     * @param text      the comment
     * @param embedding its embedding, or null to score it with the word family alone
     * @return the classification, spans included
     */
    public Classification classifyEmbedded(String text, float[] embedding) {
        WordModel.Reading reading = word.read(normalizer.normalize(text));
        return classifyInput(new CommentInput(reading.normalized(), null, embedding, null), reading, true);
    }

    private Classification classifyInput(CommentInput input, WordModel.Reading reading, boolean withSpans) {
        ScoringMode mode = input.embedding() == null ? ScoringMode.FAST : ScoringMode.FULL;
        WordModel.Scored wordScores = reading.scored();
        double[] encoderScores = mode == ScoringMode.FULL ? bundle.encoder().attributes(input) : null;
        int tokens = input.normalized().tokens().size();
        double[] scores = served(bundle.combiner().attributes(wordScores.attributes(), encoderScores, tokens), mode);
        List<double[]> calibratedSentences = calibratedSentences(wordScores, tokens);
        if (mode == ScoringMode.FAST) {
            raiseToSentences(scores, calibratedSentences);
        }
        List<SentenceScore> sentences = new ArrayList<>(calibratedSentences.size());
        for (int i = 0; i < calibratedSentences.size(); i++) {
            WordModel.Sentence s = wordScores.sentences().get(i);
            sentences.add(new SentenceScore(s.begin(), s.end(), WordModel.byAttribute(calibratedSentences.get(i))));
        }
        List<Span> spans = withSpans ? word.explain(reading, scores, settings.spanMinScore()) : List.of();
        return new Classification(bundle.version(), WordModel.byAttribute(scores),
                topics(topicScores(input, reading.topics())), spans, sentences, mode);
    }

    /**
     * Attribute scores only, for callers that need nothing else (bulk scoring, evaluation).
     *
     * @param text the comment
     * @param mode how to score
     * @return per attribute, its calibrated probability
     */
    public Map<Attribute, Double> scoreAttributes(String text, ScoringMode mode) {
        CommentInput input = inputs(List.of(text), null, effectiveMode(mode)).get(0);
        double[] encoderScores = input.embedding() == null ? null : bundle.encoder().attributes(input);
        int tokens = input.normalized().tokens().size();
        WordModel.Scored wordScores = word.attributesWithSentences(input);
        double[] scores = served(bundle.combiner().attributes(wordScores.attributes(), encoderScores, tokens),
                encoderScores == null ? ScoringMode.FAST : ScoringMode.FULL);
        if (encoderScores == null) {
            raiseToSentences(scores, calibratedSentences(wordScores, tokens));
        }
        return WordModel.byAttribute(scores);
    }

    /**
     * Every topic's score, for evaluation and for callers that choose topics themselves.
     *
     * @param text    the comment
     * @param context the article it was posted under, or null
     * @param mode    how to score
     * @return per topic, its score
     */
    public Map<Topic, Double> scoreTopics(String text, ArticleContext context, ScoringMode mode) {
        CommentInput input = inputs(List.of(text), java.util.Collections.singletonList(context), effectiveMode(mode)).get(0);
        double[] scores = topicScores(input, word.topics(input));
        Map<Topic, Double> topics = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            topics.put(topic, scores[topic.ordinal()]);
        }
        return topics;
    }

    /**
     * Each family's raw scores and the combined ones for texts whose embeddings are known (evaluation).
     *
     * @param text      the comment
     * @param embedding its embedding, or null for the word family alone
     * @return the breakdown
     */
    public FamilyBreakdown breakdown(String text, float[] embedding) {
        WordModel.Reading reading = word.read(normalizer.normalize(text));
        CommentInput input = new CommentInput(reading.normalized(), null, embedding, null);
        int tokens = input.normalized().tokens().size();
        WordModel.Scored wordScores = reading.scored();
        double[] wordAttributes = wordScores.attributes();
        double[] wordTopics = reading.topics();
        double[] encoderAttributes = embedding == null ? null : bundle.encoder().attributes(input);
        double[] encoderTopics = embedding == null ? null : bundle.encoder().topics(input);
        List<double[]> sentences = calibratedSentences(wordScores, tokens);
        double[] fast = served(bundle.combiner().attributes(wordAttributes, null, tokens), ScoringMode.FAST);
        raiseToSentences(fast, sentences);
        double[] full = embedding == null ? null
                : served(bundle.combiner().attributes(wordAttributes, encoderAttributes, tokens), ScoringMode.FULL);
        return new FamilyBreakdown(wordAttributes, encoderAttributes, fast, full,
                wordTopics, encoderTopics, bundle.combiner().topics(wordTopics, encoderTopics));
    }

    /**
     * Scores of one comment by family, all in {@link Attribute} or {@link Topic} order.
     *
     * @param wordAttributes    the word family's raw attribute probabilities
     * @param encoderAttributes the encoder family's, or null
     * @param fastAttributes    the calibrated word-only verdict (fast mode)
     * @param fullAttributes    the combined verdict (full mode), or null
     * @param wordTopics        the word family's topic probabilities
     * @param encoderTopics     the encoder family's, or null
     * @param topics            the combined topic scores
     */
    public record FamilyBreakdown(double[] wordAttributes, double[] encoderAttributes, double[] fastAttributes,
                                  double[] fullAttributes, double[] wordTopics, double[] encoderTopics,
                                  double[] topics) {
    }

    /**
     * Each sentence's word-model scores, calibrated at the whole comment's length (so a sentence never reads above
     * the comment for being short), and as fast-mode scores to the site's labels when the bundle is a site's.
     */
    private List<double[]> calibratedSentences(WordModel.Scored wordScores, int tokens) {
        return wordScores.sentences().stream()
                .map(s -> served(bundle.combiner().attributes(s.scores(), null, tokens), ScoringMode.FAST)).toList();
    }

    /**
     * The combiner's scores as the bundle serves them: through the site's calibration when the bundle has one.
     *
     * @param combined the combiner's scores in {@link Attribute} order, changed in place
     * @param mode     the mode they were computed in
     * @return the same array
     */
    private double[] served(double[] combined, ScoringMode mode) {
        return bundle.calibration() == null ? combined : bundle.calibration().apply(combined, mode);
    }

    /**
     * In fast mode a comment never scores below its worst sentence (the calibration is monotonic at a fixed length,
     * so this only evens out rounding). Full mode takes the word family's sentence maximum as one input of the
     * combiner, not as a floor: as a floor it let the word model's false alarms on long comments through (Jigsaw ROC
     * AUC 0.937 without it, 0.890 with it).
     */
    private static void raiseToSentences(double[] scores, List<double[]> sentences) {
        for (double[] sentence : sentences) {
            for (int a = 0; a < scores.length; a++) {
                scores[a] = Math.max(scores[a], sentence[a]);
            }
        }
    }

    private List<CommentInput> inputs(List<String> texts, List<ArticleContext> contexts, ScoringMode mode) {
        Embedded embedded = mode == ScoringMode.FULL ? embed(texts, contexts) : null;
        List<CommentInput> inputs = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            ArticleContext context = contexts == null ? null : contexts.get(i);
            inputs.add(new CommentInput(normalizer.normalize(texts.get(i)), context,
                    embedded == null ? null : embedded.comments()[i], embedded == null ? null : embedded.contexts()[i]));
        }
        return inputs;
    }

    /**
     * The embeddings of comments and of their articles, in one encoder call.
     *
     * @param comments per comment, its embedding
     * @param contexts per comment, its article's embedding, or null when it has none (or contexts do not count)
     */
    private record Embedded(float[][] comments, float[][] contexts) {
    }

    private Embedded embed(List<String> texts, List<ArticleContext> contexts) {
        List<String> batch = new ArrayList<>(texts);
        List<Integer> contextRow = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ArticleContext context = contexts == null ? null : contexts.get(i);
            if (context != null && !context.isEmpty() && settings.contextWeight() > 0) {
                contextRow.add(i);
                batch.add(context.combined());
            }
        }
        float[][] all = embedder.embedAll(batch);
        float[][] contextEmbeddings = new float[texts.size()][];
        for (int k = 0; k < contextRow.size(); k++) {
            contextEmbeddings[contextRow.get(k)] = all[texts.size() + k];
        }
        return new Embedded(java.util.Arrays.copyOfRange(all, 0, texts.size()), contextEmbeddings);
    }

    /**
     * @param input      the comment
     * @param wordTopics the word family's topic probabilities for it
     * @return the served topic scores: both families mixed, and the article's topics when it has one
     */
    private double[] topicScores(CommentInput input, double[] wordTopics) {
        boolean full = input.embedding() != null;
        double[] scores = bundle.combiner().topics(wordTopics, full ? bundle.encoder().topics(input) : null);
        ArticleContext context = input.context();
        if (context != null && !context.isEmpty() && settings.contextWeight() > 0) {
            double[] wordArticle = word.topics(normalizer.normalize(context.combined()));
            double[] article = full && input.contextEmbedding() != null
                    ? bundle.combiner().topics(wordArticle, bundle.encoder().topics(input.contextEmbedding()))
                    : wordArticle;
            scores = ScoreCombiner.mix(scores, article, settings.contextWeight());
        }
        return scores;
    }

    private List<TopicScore> topics(double[] scores) {
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

    /**
     * @param text a comment
     * @return it normalised, as the families read it
     */
    public NormalizedText normalize(String text) {
        return normalizer.normalize(text);
    }
}
