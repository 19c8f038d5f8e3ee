package io.moderato.webhook.rest;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook receiver on loopback for tests: records every request and answers with the statuses it is told. */
final class WebhookReceiver implements AutoCloseable {

    /**
     * One request received.
     *
     * @param id        {@code Moderato-Webhook-Id}
     * @param timestamp {@code Moderato-Webhook-Timestamp}
     * @param signature {@code Moderato-Signature}
     * @param body      the body
     */
    record Received(String id, String timestamp, String signature, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final int defaultStatus;

    /**
     * @param defaultStatus what to answer once the queued statuses are used up
     * @param firstStatuses what to answer to the first requests
     */
    WebhookReceiver(int defaultStatus, Integer... firstStatuses) throws IOException {
        this.defaultStatus = defaultStatus;
        statuses.addAll(List.of(firstStatuses));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("Moderato-Webhook-Id"), headers.getFirst("Moderato-Webhook-Timestamp"),
                    headers.getFirst("Moderato-Signature"), body));
            int status;
            synchronized (statuses) {
                status = statuses.isEmpty() ? defaultStatus : statuses.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits (generously) until at least {@code count} requests arrived. */
    List<Received> await(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (received.size() < count) {
            throw new AssertionError("expected " + count + " webhook requests, got " + received.size() + ": " + received);
        }
        return received();
    }

    /**
     * The check a receiver makes, written here independently of the server's signing code.
     *
     * @return true when one {@code v1} of the signature header is the HMAC-SHA256 of "t.body" under the secret
     */
    static boolean verifies(Received request, String secret) {
        String t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : request.signature().split(",")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals("t")) {
                t = kv[1];
            } else if (kv[0].equals("v1")) {
                v1.add(kv[1]);
            }
        }
        if (t == null || !t.equals(request.timestamp())) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
            return v1.contains(expected);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return how many v1 signatures the request carries */
    static long signatureCount(Received request) {
        return java.util.Arrays.stream(request.signature().split(",")).filter(p -> p.startsWith("v1=")).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
