package io.moderato.perspective.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.classification.Attribute;
import io.moderato.classification.Classification;
import io.moderato.classification.SentenceScore;
import io.moderato.classification.config.ClassificationConfig;
import io.moderato.classification.service.ClassificationService;
import io.moderato.perspective.LanguageDetector;
import io.moderato.perspective.PerspectiveApi.AnalyzeCommentRequest;
import io.moderato.perspective.PerspectiveApi.AnalyzeCommentResponse;
import io.moderato.perspective.PerspectiveApi.AttributeParameters;
import io.moderato.perspective.PerspectiveApi.AttributeScores;
import io.moderato.perspective.PerspectiveApi.Score;
import io.moderato.perspective.PerspectiveApi.SpanScore;
import io.moderato.perspective.PerspectiveApi.SuggestCommentScoreRequest;
import io.moderato.perspective.PerspectiveApi.SuggestCommentScoreResponse;
import io.moderato.perspective.PerspectiveApi.SuggestedScore;
import io.moderato.perspective.PerspectiveApi.SuggestedScores;
import io.moderato.perspective.PerspectiveApi.SuggestedSpanScore;
import io.moderato.perspective.PerspectiveApi.TextEntry;
import io.moderato.perspective.PerspectiveException;
import io.moderato.labels.LabelSource;
import io.moderato.labels.service.LabelService;
import io.moderato.perspective.repository.FeedbackEntity;
import io.moderato.policy.SiteIds;
import io.moderato.perspective.repository.FeedbackRepository;
import io.moderato.text.SentenceSplitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.moderato.perspective.PerspectiveApi.PROBABILITY;

/**
 * Perspective's two methods on Moderato's models. {@code analyze} keeps nothing (the comment exists only in memory
 * while it is scored, whatever {@code doNotStore} says); {@code suggestscore} stores the suggestion as labelled
 * feedback, as Perspective does with every suggestion.
 */
@ApplicationScoped
public class PerspectiveService {

    /** Longest opaque identifier (client token, community id) stored. */
    static final int MAX_TOKEN_LENGTH = 500;
    private static final int MAX_LANGUAGES = 10;

    private final ClassificationService classification;
    private final ClassificationConfig limits;
    private final FeedbackRepository feedback;
    private final ObjectMapper json;
    private final LabelService labels;
    private final LanguageDetector detector = new LanguageDetector();
    private final SentenceSplitter sentenceSplitter = new SentenceSplitter();

    public PerspectiveService(ClassificationService classification, ClassificationConfig limits,
                              FeedbackRepository feedback, ObjectMapper json, LabelService labels) {
        this.labels = labels;
        this.classification = classification;
        this.limits = limits;
        this.feedback = feedback;
        this.json = json;
    }

    /**
     * {@code comments:analyze}.
     *
     * @param request the request
     * @return Perspective's answer
     * @throws PerspectiveException for requests Perspective would refuse, and for languages other than English
     */
    public AnalyzeCommentResponse analyze(AnalyzeCommentRequest request) {
        if (request == null) {
            throw PerspectiveException.invalid("The request body is required.");
        }
        String text = checkComment(request.comment());
        if (request.requestedAttributes() == null || request.requestedAttributes().isEmpty()) {
            throw PerspectiveException.invalid("requestedAttributes must name at least one attribute.");
        }
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        request.requestedAttributes().forEach((name, parameters) -> {
            attributes.put(name, attribute(name));
            checkParameters(name, parameters);
        });
        String detected = detector.detect(text);
        boolean requested = request.languages() != null && !request.languages().isEmpty();
        List<String> languages = requested ? checkLanguages(request.languages()) : List.of(detected);
        boolean english = languages.stream().allMatch(LanguageDetector::isEnglish);
        Map<String, AttributeScores> scores = new LinkedHashMap<>();
        if (!english) {
            if (!Boolean.TRUE.equals(request.dropUnsupportedAttributes())) {
                throw PerspectiveException.languageNotSupported(attributes.keySet().iterator().next(), languages, requested);
            }
            return new AnalyzeCommentResponse(scores, languages, List.of(detected), request.clientToken());
        }
        // A communityId that is a site id (as for suggestscore) is scored by that site's live bundle, calibration
        // included; any other community by the shared one.
        String siteId = SiteIds.isValid(request.communityId()) ? request.communityId() : null;
        Classification scored = classification.classify(text, null, null, siteId);
        List<SentenceScore> spans = Boolean.TRUE.equals(request.spanAnnotations())
                ? sentenceSpans(text, scored, siteId) : List.of(new SentenceScore(0, text.length(), scored.attributes()));
        attributes.forEach((name, attribute) -> {
            AttributeParameters parameters = request.requestedAttributes().get(name);
            double threshold = parameters == null || parameters.scoreThreshold() == null ? 0 : parameters.scoreThreshold();
            double summary = scored.score(attribute);
            if (summary < threshold) {
                return;
            }
            List<SpanScore> spanScores = spans.stream()
                    .filter(s -> s.scores().get(attribute) >= threshold)
                    .map(s -> new SpanScore(s.begin(), s.end(), probability(s.scores().get(attribute))))
                    .toList();
            scores.put(name, new AttributeScores(spanScores, probability(summary)));
        });
        return new AnalyzeCommentResponse(scores, languages, List.of(detected), request.clientToken());
    }

    /**
     * {@code comments:suggestscore}: stores the suggestion for retraining.
     *
     * @param request the suggestion
     * @param keyName the API key that sent it
     * @return Perspective's answer
     */
    @Transactional
    public SuggestCommentScoreResponse suggest(SuggestCommentScoreRequest request, String keyName) {
        if (request == null) {
            throw PerspectiveException.invalid("The request body is required.");
        }
        String text = checkComment(request.comment());
        if (request.attributeScores() == null || request.attributeScores().isEmpty()) {
            throw PerspectiveException.invalid("attributeScores must not be empty.");
        }
        Map<Attribute, Double> labels = new EnumMap<>(Attribute.class);
        List<Map<String, Object>> spanLabels = new ArrayList<>();
        request.attributeScores().forEach((name, suggested) -> {
            Attribute attribute = attribute(name);
            if (suggested == null || (suggested.summaryScore() == null
                    && (suggested.spanScores() == null || suggested.spanScores().isEmpty()))) {
                throw PerspectiveException.invalid("attributeScores." + name + " must have a summaryScore or spanScores.");
            }
            if (suggested.summaryScore() != null) {
                labels.put(attribute, checkScore(suggested.summaryScore(), "attributeScores." + name + ".summaryScore"));
            }
            spanLabels.addAll(spans(name, attribute, suggested, text.length()));
        });
        checkLength(request.communityId(), "communityId");
        checkLength(request.clientToken(), "clientToken");
        List<String> languages = request.languages() == null || request.languages().isEmpty()
                ? List.of() : checkLanguages(request.languages());

        FeedbackEntity entity = new FeedbackEntity();
        entity.text = text;
        entity.setLabels(labels);
        entity.spanLabels = spanLabels.isEmpty() ? null : write(spanLabels);
        entity.languages = languages.isEmpty() ? null : String.join(",", languages);
        entity.communityId = request.communityId();
        entity.clientToken = request.clientToken();
        entity.keyName = keyName;
        entity.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        feedback.persist(entity);
        if (SiteIds.isValid(request.communityId())) {
            // A suggestion for a community that is a site teaches that site's own bundle.
            this.labels.record(request.communityId(), LabelSource.FEEDBACK, String.valueOf(entity.id), text, labels,
                    keyName);
        }
        return new SuggestCommentScoreResponse(request.clientToken(), languages, List.of(detector.detect(text)));
    }

    private String checkComment(TextEntry comment) {
        if (comment == null || comment.text() == null) {
            throw PerspectiveException.invalid("comment.text is required.");
        }
        String type = comment.type();
        if (type != null && !type.equals("PLAIN_TEXT") && !type.equals("TEXT_TYPE_UNSPECIFIED")) {
            throw PerspectiveException.invalid("comment.type must be PLAIN_TEXT; only plain text is supported.");
        }
        String text = comment.text();
        if (text.isBlank()) {
            throw PerspectiveException.invalid("Comment must be non-empty.");
        }
        if (text.length() > limits.maxTextLength()) {
            throw PerspectiveException.invalid("Comment text was too long. Value (" + text.length()
                    + " characters) exceeded limit (" + limits.maxTextLength() + " characters).");
        }
        return text;
    }

    /** Perspective names attributes in capitals, optionally with a model version ({@code TOXICITY@6}). */
    private static Attribute attribute(String name) {
        String base = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
        try {
            return Attribute.valueOf(base);
        } catch (IllegalArgumentException e) {
            throw PerspectiveException.invalid("Unknown attribute: " + abbreviate(name) + ". Moderato offers "
                    + Arrays.stream(Attribute.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }

    private static void checkParameters(String name, AttributeParameters parameters) {
        if (parameters == null) {
            return;
        }
        String type = parameters.scoreType();
        if (type != null && !type.equals(PROBABILITY) && !type.equals("SCORE_TYPE_UNSPECIFIED")) {
            throw PerspectiveException.invalid("requestedAttributes." + name + ".scoreType: only PROBABILITY is supported.");
        }
        Double threshold = parameters.scoreThreshold();
        if (threshold != null && (threshold.isNaN() || threshold < 0 || threshold > 1)) {
            throw PerspectiveException.invalid("requestedAttributes." + name + ".scoreThreshold must be within [0, 1].");
        }
    }

    private static List<String> checkLanguages(List<String> languages) {
        if (languages.size() > MAX_LANGUAGES) {
            throw PerspectiveException.invalid("languages must have at most " + MAX_LANGUAGES + " entries.");
        }
        for (String language : languages) {
            if (language == null || !language.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}")) {
                throw PerspectiveException.invalid("languages must be ISO 639-1 or BCP-47 codes.");
            }
        }
        return List.copyOf(languages);
    }

    private static double checkScore(SuggestedScore score, String field) {
        if (score.value() == null || score.value().isNaN() || score.value() < 0 || score.value() > 1) {
            throw PerspectiveException.invalid(field + ".value is required and must be within [0, 1].");
        }
        if (score.type() != null && !score.type().equals(PROBABILITY) && !score.type().equals("SCORE_TYPE_UNSPECIFIED")) {
            throw PerspectiveException.invalid(field + ".type: only PROBABILITY is supported.");
        }
        return score.value();
    }

    private static List<Map<String, Object>> spans(String name, Attribute attribute, SuggestedScores suggested, int length) {
        if (suggested.spanScores() == null) {
            return List.of();
        }
        List<Map<String, Object>> spans = new ArrayList<>();
        for (int i = 0; i < suggested.spanScores().size(); i++) {
            SuggestedSpanScore span = suggested.spanScores().get(i);
            String field = "attributeScores." + name + ".spanScores[" + i + "]";
            if (span == null || span.begin() == null || span.end() == null || span.score() == null) {
                throw PerspectiveException.invalid(field + " must set begin, end and score.");
            }
            if (span.begin() < 0 || span.end() <= span.begin() || span.end() > length) {
                throw PerspectiveException.invalid(field + " must satisfy 0 <= begin < end <= the comment's length.");
            }
            double value = checkScore(span.score(), field + ".score");
            spans.add(Map.of("attribute", attribute.name(), "begin", span.begin(), "end", span.end(), "value", value));
        }
        return spans;
    }

    private static void checkLength(String value, String field) {
        if (value != null && value.length() > MAX_TOKEN_LENGTH) {
            throw PerspectiveException.invalid(field + " must be at most " + MAX_TOKEN_LENGTH + " characters.");
        }
    }

    /**
     * Per-sentence scores as Perspective gives them with {@code spanAnnotations}: the classifier's own sentence
     * scores for long comments, else each sentence scored on its own; a one-sentence comment is one span.
     */
    private List<SentenceScore> sentenceSpans(String text, Classification scored, String siteId) {
        if (!scored.sentences().isEmpty()) {
            return scored.sentences();
        }
        List<SentenceSplitter.Sentence> sentences = sentenceSplitter.split(text);
        if (sentences.size() < 2) {
            return List.of(new SentenceScore(0, text.length(), scored.attributes()));
        }
        List<Classification> each = classification.classifyAll(sentences,
                s -> text.substring(s.begin(), s.end()), s -> null, null, true, siteId);
        List<SentenceScore> spans = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            spans.add(new SentenceScore(sentences.get(i).begin(), sentences.get(i).end(), each.get(i).attributes()));
        }
        return spans;
    }

    private static Score probability(double value) {
        return new Score((float) value, PROBABILITY);
    }

    private static String abbreviate(String name) {
        return name.length() <= 100 ? name : name.substring(0, 100) + "...";
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
