package io.moderato.training;

import org.tribuo.RealIDInfo;
import org.tribuo.RealInfo;

/**
 * A real-valued feature's statistics (count, minimum, maximum, mean, sum of squares) that, once the data set's
 * features are numbered, saves in the protobuf message Tribuo itself writes for a {@link RealIDInfo}, without
 * Tribuo's reflection. Tribuo 4.3.2 serialises each feature's statistics reflectively, looking up the builder's
 * setters by name for every field of every feature (each lookup copies the builder's public methods): 10 seconds of
 * the 11 it took to save a bundle's two word models (800,000 features). The saved files are the same, byte for byte,
 * and load as Tribuo's own {@link RealIDInfo}.
 */
final class QuickSaveRealInfo extends RealInfo {

    private static final long serialVersionUID = 1L;

    /**
     * @param name the feature's name
     */
    QuickSaveRealInfo(String name) {
        super(name);
    }

    private QuickSaveRealInfo(QuickSaveRealInfo other) {
        super(other);
    }

    @Override
    public QuickSaveRealInfo copy() {
        return new QuickSaveRealInfo(this);
    }

    @Override
    public RealIDInfo makeIDInfo(int id) {
        return new QuickSaveRealIDInfo(this, id);
    }
}
