package io.moderato.problem;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;

/**
 * Reads the JSON body of a request where a typo must not change what gets done: the service's strict reading (see
 * {@link JsonStrictness}) and besides it an unknown field refused, nested ones included ({@code is not a known field},
 * by {@link ProblemMappers}), and a body that is not a JSON object ({@code null}, an array, a string, a number)
 * refused as well. Elsewhere unknown fields stay allowed (Perspective and Coral clients send fields of their own).
 * <p>
 * The resource method takes the body as {@code byte[]} and reads it with this, since the framework hands the method
 * a null both for an empty body and for a JSON {@code null}: here only an empty body may stand for a default request.
 * Declare the body's schema with {@code @RequestBody} so that the OpenAPI document still shows it.
 *
 * @param <T> the request's type
 */
public final class StrictJsonBody<T> {

    private final ObjectReader reader;
    private final T whenEmpty;
    private final String whenEmptyMeans;

    private StrictJsonBody(ObjectMapper json, Class<T> type, T whenEmpty, String whenEmptyMeans) {
        this.reader = json.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.whenEmpty = whenEmpty;
        this.whenEmptyMeans = whenEmptyMeans;
    }

    /**
     * A body that must be given.
     *
     * @param json the service's object mapper
     * @param type the request's type
     * @param <T>  the request's type
     * @return the reader
     */
    public static <T> StrictJsonBody<T> required(ObjectMapper json, Class<T> type) {
        return new StrictJsonBody<>(json, type, null, null);
    }

    /**
     * A body that may be left empty.
     *
     * @param json           the service's object mapper
     * @param type           the request's type
     * @param whenEmpty      the request an empty body stands for
     * @param whenEmptyMeans what an empty body means, for the error, e.g. "for every site"
     * @param <T>            the request's type
     * @return the reader
     */
    public static <T> StrictJsonBody<T> optional(ObjectMapper json, Class<T> type, T whenEmpty, String whenEmptyMeans) {
        return new StrictJsonBody<>(json, type, whenEmpty, whenEmptyMeans);
    }

    /**
     * @param content the body as received
     * @return the request; never null
     * @throws ProblemException 400 ({@code body}) for a required body left empty and for a JSON {@code null}
     * @throws IOException      a Jackson failure, mapped to a 400 naming the field by {@link ProblemMappers}
     */
    public T read(byte[] content) throws IOException {
        if (content == null || content.length == 0) {
            if (whenEmpty == null) {
                throw ProblemException.invalid("body", "is required");
            }
            return whenEmpty;
        }
        T value = reader.readValue(content);
        if (value == null) {
            throw ProblemException.invalid("body", whenEmpty == null ? "must be a JSON object"
                    : "must be a JSON object (or empty, " + whenEmptyMeans + ")");
        }
        return value;
    }
}
