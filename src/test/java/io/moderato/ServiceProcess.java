package io.moderato;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code quarkus-run.jar}) started as a separate operating-system process on a loopback port,
 * so a test can kill it as a crash would ({@code SIGKILL}) and start it again on the same data. Its output goes to a
 * log file, appended across restarts.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final ServiceClient client;

    private ServiceProcess(Process process, Path log, ServiceClient client) {
        this.process = process;
        this.log = log;
        this.client = client;
    }

    /**
     * Starts the service and waits until it is ready.
     *
     * @param jar         the packaged app's {@code quarkus-run.jar}
     * @param port        the HTTP port
     * @param environment its configuration (data directory, database, keys...)
     * @param log         where its output goes
     * @param timeout     how long it may take to become ready (a first start without a model trains one)
     * @return the running service
     */
    public static ServiceProcess start(Path jar, int port, Map<String, String> environment, Path log, Duration timeout)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the crash tests run after packaging (mvn verify)");
        }
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toAbsolutePath().toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        ServiceProcess service = new ServiceProcess(builder.start(), log,
                new ServiceClient(URI.create("http://127.0.0.1:" + port)));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!service.client.ready()) {
            if (!service.process.isAlive()) {
                throw new IllegalStateException("the service exited with " + service.process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                service.close();
                throw new IllegalStateException("the service was not ready within " + timeout + "; see " + log);
            }
            Thread.sleep(200);
        }
        return service;
    }

    /** @return a free loopback port */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a client of this service */
    public ServiceClient client() {
        return client;
    }

    /** @return the operating-system process id */
    public long pid() {
        return process.pid();
    }

    /** Kills the process with {@code SIGKILL}: no shutdown hook, no flush, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " survived SIGKILL");
        }
    }

    /** Stops the process with {@code SIGTERM}, letting it shut down cleanly. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException("process " + process.pid() + " did not stop within 60 s; see " + log);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
