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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 20 Newsgroups, "bydate" training split (Lang, 1995), {@code 20ng_bydate_train.csv.gz} with columns
 * {@code label, label_name, doc_id, text}: 1990s Usenet posts, each with the newsgroup it was posted to, mapped to
 * IPTC Media Topics (a post counts for every topic of its group):
 * <table>
 * <caption>Newsgroup to topics</caption>
 * <tr><th>newsgroup</th><th>topics</th><th>why</th></tr>
 * <tr><td>alt.atheism, soc.religion.christian, talk.religion.misc</td><td>religion</td>
 *     <td>belief, scripture and debate about them</td></tr>
 * <tr><td>comp.graphics, comp.os.ms-windows.misc, comp.sys.ibm.pc.hardware, comp.sys.mac.hardware,
 *     comp.windows.x</td><td>science and technology</td><td>computing (IPTC: technology and engineering)</td></tr>
 * <tr><td>sci.crypt, sci.electronics, sci.space</td><td>science and technology</td>
 *     <td>cryptography, electronics and spaceflight are all under it</td></tr>
 * <tr><td>sci.med</td><td>health</td><td>diseases, treatments and medicine are health, not science, in IPTC</td></tr>
 * <tr><td>misc.forsale</td><td>economy, business and finance</td>
 *     <td>classified ads: buying and selling goods; no better single match</td></tr>
 * <tr><td>rec.autos, rec.motorcycles</td><td>lifestyle and leisure</td>
 *     <td>motoring as a hobby (the automotive industry would be economy, which these groups are rarely about)</td></tr>
 * <tr><td>rec.sport.baseball, rec.sport.hockey</td><td>sport</td><td></td></tr>
 * <tr><td>talk.politics.guns</td><td>politics; crime, law and justice</td>
 *     <td>gun control legislation, and shootings and law enforcement (Waco, 1993)</td></tr>
 * <tr><td>talk.politics.mideast</td><td>politics; conflict, war and peace</td>
 *     <td>the Arab-Israeli conflict, the Armenian-Azerbaijani war</td></tr>
 * <tr><td>talk.politics.misc</td><td>politics</td><td></td></tr>
 * </table>
 *
 * <p>The file keeps each raw message; the text scored is the post's subject (without {@code Re:} prefixes) and the
 * first {@value #MAX_CHARS} characters of its own body, like {@link BbcNewsArticles}. The header block (the lines
 * before the first blank line, when they are all {@code Field: value} or continuation lines) is removed, and so are
 * quoted replies, as scikit-learn's {@code remove=('headers', 'quotes')} does: lines starting with {@code >} or
 * {@code |}, lines starting with {@code In article}, and lines ending in {@code writes:} or {@code wrote:} (unless
 * nothing else is left, when the quoted body is kept).
 * A signature after the standard {@code "-- "} delimiter line is removed too (scikit-learn's footer removal, kept to
 * that delimiter). A post left with no text at all is skipped.
 */
public final class TwentyNewsgroups {

    /** The newsgroup-to-topics mapping, covering all 20 groups. */
    public static final Map<String, Set<Topic>> GROUPS = Map.ofEntries(
            Map.entry("alt.atheism", Set.of(Topic.RELIGION)),
            Map.entry("comp.graphics", Set.of(Topic.SCIENCE_TECHNOLOGY)),
            Map.entry("comp.os.ms-windows.misc", Set.of(Topic.SCIENCE_TECHNOLOGY)),
            Map.entry("comp.sys.ibm.pc.hardware", Set.of(Topic.SCIENCE_TECHNOLOGY)),
            Map.entry("comp.sys.mac.hardware", Set.of(Topic.SCIENCE_TECHNOLOGY)),
            Map.entry("comp.windows.x", Set.of(Topic.SCIENCE_TECHNOLOGY)),
            Map.entry("misc.forsale", Set.of(Topic.ECONOMY_BUSINESS_FINANCE)),
            Map.entry("rec.autos", Set.of(Topic.LIFESTYLE_LEISURE)),
            Map.entry("rec.motorcycles", Set.of(Topic.LIFESTYLE_LEISURE)),
            Map.entry("rec.sport.baseball", Set.of(Topic.SPORT)),
            Map.entry("rec.sport.hockey", Set.of(Topic.SPORT)),
            Map.entry("sci.crypt", Set.of(Topic.SCIENCE_TECHNOLOGY)),
            Map.entry("sci.electronics", Set.of(Topic.SCIENCE_TECHNOLOGY)),
            Map.entry("sci.med", Set.of(Topic.HEALTH)),
            Map.entry("sci.space", Set.of(Topic.SCIENCE_TECHNOLOGY)),
            Map.entry("soc.religion.christian", Set.of(Topic.RELIGION)),
            Map.entry("talk.politics.guns", Set.of(Topic.POLITICS, Topic.CRIME_LAW_JUSTICE)),
            Map.entry("talk.politics.mideast", Set.of(Topic.POLITICS, Topic.CONFLICT_WAR_PEACE)),
            Map.entry("talk.politics.misc", Set.of(Topic.POLITICS)),
            Map.entry("talk.religion.misc", Set.of(Topic.RELIGION)));

    static final int MAX_CHARS = 1000;

    /** A header field (RFC 5322: printable ASCII but the colon, then a colon) or a folded continuation line. */
    private static final Pattern HEADER_LINE = Pattern.compile("[!-9;-~]+:.*|[ \\t].*");
    private static final Pattern FIELD = Pattern.compile("[!-9;-~]+:.*");
    private static final Pattern SUBJECT = Pattern.compile("(?im)^Subject:[ \\t]*(.*)$");
    private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^(?:re(?:\\^\\d+)?[ \\t]*:[ \\t]*)+");
    private static final Pattern QUOTE_LINE = Pattern.compile(
            "[ \\t]*[>|].*|In article.*|.*(?:writes|wrote):[ \\t]*");

    /**
     * @param file the data set's {@code 20ng_bydate_train.csv.gz}
     * @return every post (with text) and its group's topics, in file order
     * @throws IOException when the file is missing or unreadable, or names a group not in {@link #GROUPS}
     */
    public List<LabelledText> read(Path file) throws IOException {
        List<LabelledText> texts = new ArrayList<>();
        try (CSVParser parser = DatasetFiles.open(file, DatasetFiles.CSV)) {
            for (CSVRecord record : parser) {
                Set<Topic> topics = GROUPS.get(record.get("label_name"));
                if (topics == null) {
                    throw new IOException("unknown newsgroup " + record.get("label_name") + " in " + file);
                }
                String text = text(record.get("text"));
                if (!text.isEmpty()) {
                    texts.add(new LabelledText(record.get("doc_id"), text, Map.of(), topics));
                }
            }
        }
        return texts;
    }

    /**
     * An evenly spread, deterministic sample: the posts at positions {@code floor(i * n / limit)} for
     * {@code i = 0 .. limit - 1} of the {@code n} that {@link #read(Path)} gives. As the file is sorted by group, every
     * group keeps about its share.
     *
     * @param file  the data set's {@code 20ng_bydate_train.csv.gz}
     * @param limit the most posts wanted, e.g. 2000
     * @return {@code limit} posts spread over the file, or all of them when there are no more than {@code limit}
     * @throws IOException              as {@link #read(Path)}
     * @throws IllegalArgumentException when {@code limit} is not positive
     */
    public List<LabelledText> read(Path file, int limit) throws IOException {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        List<LabelledText> all = read(file);
        if (all.size() <= limit) {
            return all;
        }
        List<LabelledText> sample = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            sample.add(all.get((int) ((long) i * all.size() / limit)));
        }
        return sample;
    }

    /**
     * @param message a raw Usenet message, with or without its header block
     * @return its subject and the start of its own body, separated by a line break; either may be missing
     */
    static String text(String message) {
        String raw = message.replace("\r\n", "\n");
        String subject = "";
        String body = raw;
        int blank = raw.indexOf("\n\n");
        String head = blank < 0 ? raw : raw.substring(0, blank);
        if (isHeader(head)) {
            Matcher m = SUBJECT.matcher(head);
            if (m.find()) {
                subject = REPLY_PREFIX.matcher(m.group(1).strip()).replaceFirst("").strip();
            }
            body = blank < 0 ? "" : raw.substring(blank + 2);
        }
        body = withoutSignature(body);
        String own = withoutQuotes(body);
        if (own.isEmpty()) {
            own = body.strip();
        }
        if (own.length() > MAX_CHARS) {
            own = own.substring(0, MAX_CHARS).stripTrailing();
        }
        if (subject.isEmpty() || own.isEmpty()) {
            return subject.isEmpty() ? own : subject;
        }
        return subject + "\n" + own;
    }

    private static boolean isHeader(String head) {
        boolean field = false;
        for (String line : head.split("\n")) {
            if (!HEADER_LINE.matcher(line).matches()) {
                return false;
            }
            field |= FIELD.matcher(line).matches();
        }
        return field;
    }

    private static String withoutSignature(String body) {
        int delimiter = Math.max(body.lastIndexOf("\n-- \n"), body.lastIndexOf("\n--\n"));
        if (body.endsWith("\n-- ") || body.endsWith("\n--")) {
            delimiter = Math.max(delimiter, body.lastIndexOf("\n--"));
        }
        return delimiter < 0 ? body : body.substring(0, delimiter + 1);
    }

    private static String withoutQuotes(String body) {
        StringBuilder kept = new StringBuilder(body.length());
        for (String line : body.split("\n", -1)) {
            if (!QUOTE_LINE.matcher(line).matches()) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
