package io.moderato.training.datasets;

import io.moderato.classification.Topic;
import io.moderato.training.LabelledText;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BBC News articles in five sections, mapped to IPTC Media Topics: business to economy, business and finance;
 * entertainment to arts, culture, entertainment and media; politics; sport; tech to science and technology.
 * The text scored is the headline and the article's first {@value #MAX_CHARS} characters, about the length of a
 * long comment.
 */
public final class BbcNewsArticles {

    /** The section-to-topic mapping. */
    public static final Map<String, Topic> SECTIONS = Map.of(
            "business", Topic.ECONOMY_BUSINESS_FINANCE, "entertainment", Topic.ARTS_CULTURE_ENTERTAINMENT_MEDIA,
            "politics", Topic.POLITICS, "sport", Topic.SPORT, "tech", Topic.SCIENCE_TECHNOLOGY);

    static final int MAX_CHARS = 1000;

    /**
     * @param file the data set's {@code bbc_news.csv.gz}
     * @return each article with its section's topic
     * @throws IOException when the file is missing or unreadable
     */
    public List<LabelledText> read(Path file) throws IOException {
        List<LabelledText> texts = new ArrayList<>();
        try (CSVParser parser = DatasetFiles.open(file, DatasetFiles.CSV)) {
            for (CSVRecord record : parser) {
                Topic topic = SECTIONS.get(record.get("category"));
                if (topic == null) {
                    throw new IOException("unknown BBC section " + record.get("category") + " in " + file);
                }
                String body = record.get("text");
                String text = record.get("title") + "\n" + (body.length() > MAX_CHARS ? body.substring(0, MAX_CHARS) : body);
                texts.add(new LabelledText(record.get("doc_id"), text, Map.of(), Set.of(topic)));
            }
        }
        return texts;
    }
}
