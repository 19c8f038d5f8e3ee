package io.moderato.perspective;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Perspective's messages (commentanalyzer {@code v1alpha1}), named as on the wire. Fields Perspective documents but
 * Moderato does not use (e.g. {@code sessionId}, {@code context}) are still read, so clients that send them work.
 */
public final class PerspectiveApi {

    /** The only score type Perspective serves, and Moderato with it. */
    public static final String PROBABILITY = "PROBABILITY";

    private PerspectiveApi() {
    }

    /**
     * A body of text.
     *
     * @param text the text
     * @param type {@code PLAIN_TEXT} (or unset); Perspective refuses {@code HTML} and so does Moderato
     */
    public record TextEntry(String text, String type) {
    }

    /**
     * The comment's context. Perspective documents it as not used for scoring; Moderato does not use it either.
     *
     * @param entries                 earlier messages
     * @param articleAndParentComment the article and the parent comment
     */
    public record Context(List<TextEntry> entries, JsonNode articleAndParentComment) {
    }

    /**
     * @param scoreType      only {@code PROBABILITY} (the default)
     * @param scoreThreshold scores below this are not returned
     */
    public record AttributeParameters(String scoreType, Double scoreThreshold) {
    }

    /**
     * {@code AnalyzeCommentRequest}.
     *
     * @param comment                   the comment, required
     * @param context                   its context, ignored
     * @param requestedAttributes       attribute name to parameters, required, not empty
     * @param languages                 ISO 639-1 or BCP-47 codes; detected when absent
     * @param doNotStore                Moderato never stores analysed comments, whatever this says
     * @param clientToken               echoed back
     * @param sessionId                 accepted, not used
     * @param spanAnnotations           per-sentence span scores when true
     * @param communityId               when it is a site's id, the scores are that site's live bundle's (its
     *                                  calibration included); otherwise the shared bundle's
     * @param dropUnsupportedAttributes drop attributes that do not support the language instead of failing
     */
    public record AnalyzeCommentRequest(TextEntry comment, Context context, Map<String, AttributeParameters> requestedAttributes,
                                        List<String> languages, Boolean doNotStore, String clientToken, String sessionId,
                                        Boolean spanAnnotations, String communityId, Boolean dropUnsupportedAttributes) {
    }

    /**
     * @param value the score
     * @param type  the score type, {@code PROBABILITY}
     */
    public record Score(float value, String type) {
    }

    /**
     * @param begin first UTF-16 code unit of the span
     * @param end   one past its last
     * @param score the attribute's score for that span
     */
    public record SpanScore(int begin, int end, Score score) {
    }

    /**
     * @param spanScores   per-span scores
     * @param summaryScore the score of the whole comment
     */
    public record AttributeScores(List<SpanScore> spanScores, Score summaryScore) {
    }

    /**
     * {@code AnalyzeCommentResponse}.
     *
     * @param attributeScores   attribute name (as requested) to scores
     * @param languages         the languages used: the request's, else the detected one
     * @param detectedLanguages the languages detected in the text
     * @param clientToken       the request's token
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnalyzeCommentResponse(Map<String, AttributeScores> attributeScores, List<String> languages,
                                         List<String> detectedLanguages, String clientToken) {
    }

    /**
     * A score as a client suggests it; the value may be missing, which is an error.
     *
     * @param value the score, in [0, 1]
     * @param type  {@code PROBABILITY} or unset
     */
    public record SuggestedScore(Double value, String type) {
    }

    /**
     * @param begin first UTF-16 code unit
     * @param end   one past the last
     * @param score the suggested score
     */
    public record SuggestedSpanScore(Integer begin, Integer end, SuggestedScore score) {
    }

    /**
     * @param summaryScore the suggested score of the whole comment
     * @param spanScores   suggested scores of parts of it
     */
    public record SuggestedScores(SuggestedScore summaryScore, List<SuggestedSpanScore> spanScores) {
    }

    /**
     * {@code SuggestCommentScoreRequest}.
     *
     * @param comment         the comment, required
     * @param context         its context, ignored
     * @param attributeScores the scores the client believes right, required, not empty
     * @param languages       the comment's languages
     * @param communityId     the community whose norms the scores reflect
     * @param clientToken     echoed back
     * @param sessionId       accepted, not used
     */
    public record SuggestCommentScoreRequest(TextEntry comment, Context context, Map<String, SuggestedScores> attributeScores,
                                             List<String> languages, String communityId, String clientToken, String sessionId) {
    }

    /**
     * {@code SuggestCommentScoreResponse}.
     *
     * @param clientToken        the request's token
     * @param requestedLanguages the request's languages
     * @param detectedLanguages  the languages detected in the text
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SuggestCommentScoreResponse(String clientToken, List<String> requestedLanguages,
                                              List<String> detectedLanguages) {
    }
}
