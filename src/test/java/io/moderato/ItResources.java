package io.moderato;

/**
 * Resources the failsafe tests ({@code *IT}) share, for JUnit's {@code @ResourceLock}: failsafe runs test classes
 * side by side (see {@code pom.xml}) unless their locks say otherwise.
 */
public final class ItResources {

    /**
     * The machine's cores. The crash tests share them (each mostly waits for its service to start, stream and stop,
     * so two side by side take little longer than one); the cluster test takes them alone, as its timings (a replica's
     * restart, a promotion live everywhere within 5 seconds) are measured on all of them.
     */
    public static final String CORES = "cores";

    private ItResources() {
    }
}
