package io.moderato.labels;

import com.fasterxml.jackson.databind.JsonNode;
import io.moderato.classification.Attribute;
import io.moderato.problem.FieldError;
import io.moderato.problem.ProblemException;
import io.moderato.problem.RequestChecks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How to read a labelled file: its format, the column (or JSON field) with the text, and per attribute the column
 * with its label, either numeric (0/1 or a share of raters) or a list of values that mean "present".
 *
 * @param format the file's format
 * @param text   the text column
 * @param labels per attribute, where its label is
 */
public record ImportMapping(Format format, String text, Map<Attribute, LabelColumn> labels) {

    /** The formats a labelled file may have. */
    public enum Format {
        /** Comma-separated, RFC 4180 (quoted fields may hold commas, quotes and line breaks), with a header row. */
        CSV,
        /** Tab-separated with a header row, no quote processing (as OLID's file needs). */
        TSV,
        /** One JSON object a line; the columns are field names. */
        JSONL
    }

    /**
     * Where one attribute's label is.
     *
     * @param column   the column or field
     * @param positive values meaning "present" (then every other value means "absent"); empty for a numeric column
     */
    public record LabelColumn(String column, Set<String> positive) {
    }

    /** The mapping's members. */
    private static final Set<String> MEMBERS = Set.of("format", "text", "labels");
    /** An attribute's members, under {@code labels}. */
    private static final Set<String> COLUMN_MEMBERS = Set.of("column", "positive");

    /**
     * Reads a mapping strictly, as the service's strict bodies are read: an unknown member, at the top or in an
     * attribute's column, is refused ({@code is not a known field}), since a misspelt {@code positive} would make the
     * column read as numbers and fail row by row in the job, and a misspelt optional member would be lost.
     *
     * @param mapping the {@code mapping} part of an import request
     * @return the mapping
     * @throws ProblemException 400 naming each wrong field
     */
    public static ImportMapping parse(JsonNode mapping) {
        List<FieldError> errors = new ArrayList<>();
        if (mapping == null || !mapping.isObject()) {
            throw ProblemException.invalid("mapping", "must be a JSON object");
        }
        onlyKnown(mapping, "mapping", MEMBERS, errors);
        Format format = null;
        JsonNode formatNode = mapping.get("format");
        if (formatNode == null || !formatNode.isTextual()) {
            errors.add(new FieldError("mapping.format", "is required: csv, tsv or jsonl"));
        } else {
            try {
                format = Format.valueOf(formatNode.asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("mapping.format", "must be one of csv, tsv, jsonl"));
            }
        }
        JsonNode textNode = mapping.get("text");
        if (textNode == null || !textNode.isTextual() || textNode.asText().isBlank()) {
            errors.add(new FieldError("mapping.text", "is required: the column with the comment text"));
        }
        Map<Attribute, LabelColumn> labels = new EnumMap<>(Attribute.class);
        JsonNode labelsNode = mapping.get("labels");
        if (labelsNode == null || !labelsNode.isObject() || labelsNode.isEmpty()) {
            errors.add(new FieldError("mapping.labels", "is required: at least one attribute with its column"));
        } else {
            Iterator<Map.Entry<String, JsonNode>> fields = labelsNode.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String path = "mapping.labels." + field.getKey();
                Attribute attribute = Attribute.fromKey(field.getKey()).orElse(null);
                if (attribute == null) {
                    errors.add(new FieldError(path, "is not an attribute; use one of toxicity, severe_toxicity, insult,"
                            + " threat, identity_attack, profanity, sexually_explicit"));
                    continue;
                }
                onlyKnown(field.getValue(), path, COLUMN_MEMBERS, errors);
                JsonNode column = field.getValue().get("column");
                if (column == null || !column.isTextual() || column.asText().isBlank()) {
                    errors.add(new FieldError(path + ".column", "is required"));
                    continue;
                }
                Set<String> positive = new LinkedHashSet<>();
                JsonNode positiveNode = field.getValue().get("positive");
                if (positiveNode != null && !positiveNode.isNull()) {
                    if (!positiveNode.isArray() || positiveNode.isEmpty()) {
                        errors.add(new FieldError(path + ".positive", "must be a non-empty array of strings"));
                        continue;
                    }
                    positiveNode.forEach(value -> positive.add(value.asText()));
                }
                labels.put(attribute, new LabelColumn(column.asText(), Set.copyOf(positive)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ImportMapping(format, textNode.asText(), labels);
    }

    private static void onlyKnown(JsonNode object, String path, Set<String> known, List<FieldError> errors) {
        if (!object.isObject()) {
            return;
        }
        object.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                errors.add(new FieldError(path + "." + name, RequestChecks.UNKNOWN_FIELD));
            }
        });
    }

    /**
     * @param attribute an attribute of this mapping
     * @param cell      its cell in a row, may be null
     * @return the label, 0..1
     * @throws IllegalArgumentException with the reason when the cell is not a label
     */
    public double label(Attribute attribute, String cell) {
        LabelColumn column = labels.get(attribute);
        if (cell == null) {
            throw new IllegalArgumentException("no column " + column.column());
        }
        String value = cell.strip();
        if (!column.positive().isEmpty()) {
            return column.positive().contains(value) ? 1.0 : 0.0;
        }
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column.column() + " is not a number: '" + abbreviate(value) + "'");
        }
        if (!(number >= 0 && number <= 1)) {
            throw new IllegalArgumentException(column.column() + " must be between 0 and 1, was " + value);
        }
        return number;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
