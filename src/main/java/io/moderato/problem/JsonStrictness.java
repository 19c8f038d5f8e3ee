package io.moderato.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Reads request JSON strictly where leniency would hide a client's mistake: a number or boolean where text is
 * expected, a string where a number is expected, or trailing garbage after the document, are refused rather than
 * coerced. A key given twice in one object is refused (which of the two would count is a guess). Text holding a NUL
 * character or half of a surrogate pair is refused as well: PostgreSQL cannot store the first and stores the second
 * as "?", so both databases refuse such text alike (see {@link TextRules}). Unknown fields stay allowed, as
 * Perspective clients send fields of their own.
 */
@Singleton
public class JsonStrictness implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("moderato-strict-text").addDeserializer(String.class, new StorableText()));
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType numeric : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(numeric).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
    }

    /** Reads strings as Jackson does, then refuses those {@link TextRules#isStorable} rejects. */
    static final class StorableText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            String problem = TextRules.problem(value);
            if (problem != null) {
                throw JsonMappingException.from(parser, problem);
            }
            return value;
        }
    }
}
