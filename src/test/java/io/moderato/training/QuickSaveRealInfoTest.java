package io.moderato.training;

import org.junit.jupiter.api.Test;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.MutableFeatureMap;
import org.tribuo.RealIDInfo;
import org.tribuo.RealInfo;
import org.tribuo.VariableIDInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.protos.core.FeatureDomainProto;
import org.tribuo.protos.core.VariableInfoProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Feature statistics that save without Tribuo's reflection write exactly what Tribuo's own serialiser writes (known
 * cases and random feature maps), and load back as Tribuo's own classes.
 */
class QuickSaveRealInfoTest {

    @Test
    void oneFeatureSavesAsTribuoWould() {
        MutableFeatureMap quick = new MutableFeatureMap();
        MutableFeatureMap tribuo = new MutableFeatureMap();
        quick.put(new QuickSaveRealInfo("w:hoe"));
        tribuo.put(new RealInfo("w:hoe"));
        for (double value : new double[]{1.0, 0.5, 2.0, -3.25}) {
            quick.add("w:hoe", value);
            tribuo.add("w:hoe", value);
        }
        VariableInfoProto fast = ((RealInfo) quick.get("w:hoe")).makeIDInfo(41).serialize();
        VariableInfoProto reflective = ((RealInfo) tribuo.get("w:hoe")).makeIDInfo(41).serialize();
        assertEquals(reflective, fast);
        assertArrayEquals(reflective.toByteArray(), fast.toByteArray());
        assertEquals(RealIDInfo.class.getName(), fast.getClassName());
    }

    @Test
    void aFeatureSeenOnlyAsZeroSavesAsTribuoWould() {
        // Zero values are not observed: count 0, and the infinite minimum and maximum Tribuo starts from.
        QuickSaveRealInfo quick = new QuickSaveRealInfo("c:xyz");
        RealInfo tribuo = new RealInfo("c:xyz");
        assertEquals(tribuo.makeIDInfo(0).serialize(), quick.makeIDInfo(0).serialize());
    }

    @Test
    void randomFeatureMapsSaveAsTribuoWould() {
        Random random = new Random(20261207L);
        for (int round = 0; round < 20; round++) {
            MutableFeatureMap quick = new MutableFeatureMap();
            MutableFeatureMap tribuo = new MutableFeatureMap();
            int features = 1 + random.nextInt(300);
            for (int f = 0; f < features; f++) {
                String name = randomName(random);
                if (quick.get(name) == null) {
                    quick.put(new QuickSaveRealInfo(name));
                    tribuo.put(new RealInfo(name));
                }
                int observations = random.nextInt(6);
                for (int o = 0; o < observations; o++) {
                    double value = switch (random.nextInt(4)) {
                        case 0 -> 1.0;
                        case 1 -> random.nextGaussian() * 1e6;
                        case 2 -> -random.nextDouble();
                        default -> random.nextDouble();
                    };
                    quick.add(name, value);
                    tribuo.add(name, value);
                }
            }
            FeatureDomainProto fast = new ImmutableFeatureMap(quick).serialize();
            FeatureDomainProto reflective = new ImmutableFeatureMap(tribuo).serialize();
            assertEquals(reflective, fast, "round " + round);
            assertArrayEquals(reflective.toByteArray(), fast.toByteArray(), "round " + round);
        }
    }

    @Test
    void aSavedModelLoadsWithTribuosOwnFeatureInfo() throws IOException {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("quick-save test", labels), labels);
        Random random = new Random(7);
        String[] names = {"w:idiot", "w:thanks", "w:the", "c:idi"};
        for (int i = 0; i < 200; i++) {
            boolean rude = random.nextBoolean();
            double[] values = {rude ? 1 : 0, rude ? 0 : 1, 1, rude ? 1 : random.nextInt(2)};
            BundleTrainer.addLean(dataset, new ArrayExample<>(new Label(rude ? "rude" : "polite"), names, values));
        }
        Model<Label> model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 1e-6), 3, 1).train(dataset);
        VariableIDInfo trained = model.getFeatureIDMap().get("w:idiot");
        assertEquals(QuickSaveRealIDInfo.class, trained.getClass());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.serializeToStream(bytes);
        Model<?> loaded = Model.deserializeFromStream(new ByteArrayInputStream(bytes.toByteArray()));
        for (String name : names) {
            VariableIDInfo info = loaded.getFeatureIDMap().get(name);
            assertSame(RealIDInfo.class, info.getClass(), name);
            RealIDInfo original = (RealIDInfo) model.getFeatureIDMap().get(name);
            RealIDInfo read = (RealIDInfo) info;
            assertEquals(original.getID(), read.getID(), name);
            assertEquals(original.getCount(), read.getCount(), name);
            assertEquals(original.getMin(), read.getMin(), name);
            assertEquals(original.getMax(), read.getMax(), name);
            assertEquals(original.getMean(), read.getMean(), name);
            assertEquals(original.getVariance(), read.getVariance(), name);
        }
    }

    private static String randomName(Random random) {
        StringBuilder name = new StringBuilder(random.nextBoolean() ? "w:" : "c:");
        int length = 1 + random.nextInt(8);
        for (int i = 0; i < length; i++) {
            name.append(random.nextInt(10) == 0 ? (char) ('Ā' + random.nextInt(200)) : (char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }
}
