package io.moderato.training.service;

import org.jboss.logging.Logger;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * Gives back to the system the memory a training in the service's process used. Training needs several times the
 * memory serving does: a Java heap grown to a gigabyte, and the native memory of the bulk encoder's ONNX runs. Once
 * the trained bundle is saved and nothing of the training is reachable, a full collection lets the JVM shrink the
 * heap (all of the excess at once with the run command's {@code -XX:-ShrinkHeapInSteps}; in steps over several
 * collections without it), and trimming the C heap (the JVM's {@code System.trim_native_heap} diagnostic command,
 * glibc's {@code malloc_trim}) returns freed native memory the allocator would otherwise keep for the process's
 * lifetime (64 to 85 MB after a first start). A service that trained its first bundle was resident at 0.8 to 1.3 GB
 * after a minute of load before these steps, and at 521 to 538 MB with them.
 */
final class TrainingMemory {

    private static final Logger LOG = Logger.getLogger(TrainingMemory.class);

    private TrainingMemory() {
    }

    /**
     * Collects the heap and trims the C heap. Call it only once the training's objects are unreachable, from a frame
     * that never held them: a reference left in the caller's frame keeps the whole training alive.
     */
    static void release() {
        System.gc();
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Object answer = server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "systemTrimNativeHeap", new Object[0], new String[0]);
            LOG.infof("after training: %s", String.valueOf(answer).strip());
        } catch (JMException | RuntimeException e) {
            // Another JVM or C library may not offer the command; the heap was still collected.
            LOG.debugf("could not trim the native heap after training: %s", e.toString());
        }
    }
}
