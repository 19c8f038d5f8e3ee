package io.moderato;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Several replicas of the packaged service ({@link ServiceProcess}), each its own process on its own port and data
 * directory (holding a copy of the test model bundle), all with the same configuration: one database, one broker.
 * The first replica starts alone (it may clean and migrate the schema), the others then start together.
 */
public final class ReplicaCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path jar;
    private final Path directory;
    private final Map<String, String> environment;
    private final List<ServiceProcess> replicas = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    private ReplicaCluster(Path jar, Path directory, Map<String, String> environment) {
        this.jar = jar;
        this.directory = directory;
        this.environment = environment;
    }

    /**
     * Starts the replicas and waits until every one is ready.
     *
     * @param jar              the packaged app's {@code quarkus-run.jar}
     * @param count            how many replicas
     * @param directory        where their data directories and logs go
     * @param environment      every replica's configuration
     * @param firstEnvironment what the first replica's first start adds (e.g. a clean schema)
     * @return the running cluster
     */
    public static ReplicaCluster start(Path jar, int count, Path directory, Map<String, String> environment,
                                       Map<String, String> firstEnvironment) throws Exception {
        ReplicaCluster cluster = new ReplicaCluster(jar, directory, environment);
        try {
            for (int i = 0; i < count; i++) {
                cluster.ports.add(ServiceProcess.freePort());
                cluster.replicas.add(null);
                TestModels.copyBundles(cluster.dataDir(i));
            }
            cluster.replicas.set(0, cluster.launch(0, firstEnvironment));
            ExecutorService starting = Executors.newFixedThreadPool(Math.max(1, count - 1));
            try {
                List<Future<ServiceProcess>> others = new ArrayList<>();
                for (int i = 1; i < count; i++) {
                    int replica = i;
                    others.add(starting.submit(() -> cluster.launch(replica, Map.of())));
                }
                for (int i = 1; i < count; i++) {
                    cluster.replicas.set(i, others.get(i - 1).get());
                }
            } finally {
                starting.shutdown();
            }
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private ServiceProcess launch(int replica, Map<String, String> extra) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(extra);
        env.put("MODERATO_DATA_DIR", dataDir(replica).toString());
        return ServiceProcess.start(jar, ports.get(replica), env, directory.resolve("replica-" + replica + ".log"), START_TIMEOUT);
    }

    private Path dataDir(int replica) {
        return directory.resolve("replica-" + replica);
    }

    /** @return how many replicas the cluster has */
    public int size() {
        return replicas.size();
    }

    /**
     * @param replica which one
     * @return a client of it (also while it is down: calls then fail to connect)
     */
    public ServiceClient client(int replica) {
        return new ServiceClient(java.net.URI.create("http://127.0.0.1:" + ports.get(replica)));
    }

    /**
     * @param replica which one
     * @return its address
     */
    public java.net.URI address(int replica) {
        return java.net.URI.create("http://127.0.0.1:" + ports.get(replica));
    }

    /**
     * @param replica which one
     * @return its data directory (where its model bundles are)
     */
    public Path dataDirectory(int replica) {
        return dataDir(replica);
    }

    /** Kills a replica with {@code SIGKILL}, as a crash would. */
    public void kill(int replica) throws InterruptedException {
        replicas.get(replica).kill();
    }

    /** Starts a killed or stopped replica again, on the same port and data directory, and waits until it is ready. */
    public void restart(int replica) throws IOException, InterruptedException {
        replicas.set(replica, launch(replica, Map.of()));
    }

    /** Kills every replica still running. */
    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess replica : replicas) {
            if (replica != null) {
                replica.close();
            }
        }
    }
}
