package io.moderato.training;

import io.moderato.TestModels;
import io.moderato.classification.Attribute;
import io.moderato.classification.Topic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The corpus in {@code training-data/} meets what its README promises. */
class CorpusTest {

    private static CorpusReader.CorpusFile train;
    private static CorpusReader.CorpusFile heldOut;

    @BeforeAll
    static void read() throws Exception {
        CorpusReader reader = new CorpusReader();
        train = reader.read(TestModels.CORPUS_DIR.resolve(CorpusReader.TRAIN_FILE));
        heldOut = reader.read(TestModels.CORPUS_DIR.resolve(CorpusReader.HELD_OUT_FILE));
    }

    private static List<CorpusReader.CorpusComment> all() {
        List<CorpusReader.CorpusComment> all = new ArrayList<>(train.comments());
        all.addAll(heldOut.comments());
        return all;
    }

    @Test
    void isLargeAndBalancedEnough() {
        List<CorpusReader.CorpusComment> all = all();
        assertTrue(all.size() >= 15000, "at least 15000 comments, has " + all.size());
        Map<String, Integer> registers = new java.util.TreeMap<>();
        all.forEach(c -> registers.merge(c.register(), 1, Integer::sum));
        assertEquals(CorpusReader.REGISTERS, registers.keySet(), "every register is written");
        registers.forEach((register, n) -> assertTrue(n >= 1500, register + " has " + n + " comments, needs 1500"));
        long inBetween = all.stream().mapToDouble(c -> c.attributes().get(Attribute.TOXICITY))
                .filter(t -> t > 0.1 && t < 0.7).count();
        assertTrue(inBetween >= all.size() / 10, "rater fractions: only " + inBetween + " comments in between");
        Map<Attribute, Integer> positives = new EnumMap<>(Attribute.class);
        Map<Topic, Integer> topics = new EnumMap<>(Topic.class);
        for (CorpusReader.CorpusComment c : all) {
            c.attributes().forEach((a, v) -> positives.merge(a, v >= 0.5 ? 1 : 0, Integer::sum));
            c.topics().forEach(t -> topics.merge(t, 1, Integer::sum));
        }
        positives.forEach((a, n) -> assertTrue(n >= (a == Attribute.TOXICITY ? 800 : 300), a + " has " + n + " positives"));
        for (Topic topic : Topic.values()) {
            assertTrue(topics.getOrDefault(topic, 0) >= 80, topic + " has " + topics.get(topic));
        }
    }

    @Test
    void heldOutSplitFollowsTheIdHashRuleAndSharesNoText() throws Exception {
        for (CorpusReader.CorpusComment c : train.comments()) {
            assertTrue(!isHeldOut(c.id()), c.id() + " belongs to the held-out split");
        }
        for (CorpusReader.CorpusComment c : heldOut.comments()) {
            assertTrue(isHeldOut(c.id()), c.id() + " belongs to the training split");
        }
        Set<String> trainTexts = new HashSet<>();
        train.comments().forEach(c -> trainTexts.add(c.text().strip().toLowerCase()));
        long shared = heldOut.comments().stream().filter(c -> trainTexts.contains(c.text().strip().toLowerCase())).count();
        assertEquals(0, shared, "held-out texts also in training");
    }

    @Test
    void leftOutPartsStayReadableAndOutOfTheCorpus() throws Exception {
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        all().forEach(c -> {
            ids.add(c.id());
            texts.add(c.text().strip().toLowerCase());
        });
        List<Path> parts;
        try (var files = Files.list(TestModels.CORPUS_DIR.resolve("left-out"))) {
            parts = files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertFalse(parts.isEmpty(), "training-data/left-out/ has the parts its README lists");
        for (Path part : parts) {
            // Read with the corpus's own schema checks, so a later session can add them as they are.
            for (CorpusReader.CorpusComment c : new CorpusReader().read(part).comments()) {
                assertFalse(ids.contains(c.id()), c.id() + " of " + part + " is in the corpus");
                assertFalse(texts.contains(c.text().strip().toLowerCase()), c.id() + " of " + part + ": its text is in the corpus");
            }
        }
    }

    @Test
    void readmeGivesEachFilesSha256() throws Exception {
        String readme = Files.readString(TestModels.CORPUS_DIR.resolve("README.md"));
        for (CorpusReader.CorpusFile file : List.of(train, heldOut)) {
            assertTrue(readme.contains(file.file().sha256()),
                    "README.md lacks the SHA-256 of " + file.file().path() + ": " + file.file().sha256());
        }
    }

    /** The rule in training-data/README.md: first byte of SHA-256(id) modulo 5 is 0. */
    static boolean isHeldOut(String id) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        return (digest[0] & 0xFF) % 5 == 0;
    }
}
