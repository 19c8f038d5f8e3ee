package io.moderato.training;

import com.google.protobuf.Any;
import org.tribuo.RealIDInfo;
import org.tribuo.protos.core.RealIDInfoProto;
import org.tribuo.protos.core.VariableInfoProto;

/**
 * A numbered real-valued feature that serialises to exactly the message Tribuo's reflective serialiser writes for a
 * {@link RealIDInfo} (class name, version and fields), built directly: see {@link QuickSaveRealInfo}. A model saved
 * with it loads as an ordinary {@link RealIDInfo}; nothing needs this class to read a bundle.
 */
final class QuickSaveRealIDInfo extends RealIDInfo {

    private static final long serialVersionUID = 1L;

    /**
     * @param info the feature's statistics (a feature never seen other than zero keeps an infinite minimum and
     *             maximum, as in Tribuo)
     * @param id   its number
     */
    QuickSaveRealIDInfo(QuickSaveRealInfo info, int id) {
        super(info, id);
    }

    @Override
    public VariableInfoProto serialize() {
        RealIDInfoProto data = RealIDInfoProto.newBuilder()
                .setName(name)
                .setCount(count)
                .setId(getID())
                .setMax(max)
                .setMin(min)
                .setMean(mean)
                .setSumSquares(sumSquares)
                .build();
        return VariableInfoProto.newBuilder()
                .setVersion(RealIDInfo.CURRENT_VERSION)
                .setClassName(RealIDInfo.class.getName())
                .setSerializedData(Any.pack(data))
                .build();
    }
}
