package io.moderato.classification;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeatureIndexTest {

    @Test
    void findsEachNameAtItsColumnAndNothingElse() {
        FeatureIndex index = new FeatureIndex(new String[] {"w=idiot", "c=idi", "w=the", ""});
        assertEquals(0, index.column("w=idiot"));
        assertEquals(1, index.column("c=idi"));
        assertEquals(2, index.column("w=the"));
        assertEquals(3, index.column(""));
        assertEquals(-1, index.column("w=Idiot"));
        assertEquals(-1, index.column("w=idiots"));
        assertEquals(4, index.size());
    }

    @Test
    void anEmptyIndexKnowsNothing() {
        assertEquals(-1, new FeatureIndex(new String[0]).column("w=idiot"));
    }

    @Test
    void randomNamesAllFoundAndStrangersNot() {
        Random random = new Random(42);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < 50_000) {
            names.add(randomName(random));
        }
        String[] array = names.toArray(String[]::new);
        FeatureIndex index = new FeatureIndex(array);
        for (int i = 0; i < array.length; i++) {
            assertEquals(i, index.column(array[i]), array[i]);
        }
        for (int i = 0; i < 50_000; i++) {
            String stranger = randomName(random);
            assertEquals(names.contains(stranger) ? index.column(stranger) : -1, index.column(stranger), stranger);
        }
    }

    private static String randomName(Random random) {
        StringBuilder name = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            // Mostly letters, now and then any code unit (surrogates and controls included).
            name.append(random.nextInt(4) == 0 ? (char) random.nextInt(Character.MAX_VALUE + 1) : (char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }
}
