package io.moderato;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends raw bytes to the service over a socket (no HTTP client to tidy the request up) and reads one HTTP/1.1
 * answer: by Content-Length, chunked, or until the server closes. A request the server drops unanswered comes back
 * with status -1.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * One answer.
     *
     * @param status  the status code, -1 when the connection closed without a status line
     * @param headers header names in lower case
     * @param body    the body as UTF-8
     */
    public record Answer(int status, Map<String, String> headers, String body) {

        /** @return the Content-Type, without parameters, lower case; empty when absent */
        public String mediaType() {
            String type = headers.getOrDefault("content-type", "");
            int semicolon = type.indexOf(';');
            return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param port    the service's port on 127.0.0.1
     * @param request the whole request, bytes as sent
     * @return the answer
     */
    public static Answer send(int port, byte[] request) throws IOException {
        return send(port, request, "127.0.0.1");
    }

    /**
     * @param port         the service's port on 127.0.0.1
     * @param request      the whole request, bytes as sent
     * @param localAddress the loopback address to send from (any of 127.0.0.0/8), so that per-address limits of one
     *                     test do not reach another
     * @return the answer
     */
    public static Answer send(int port, byte[] request, String localAddress) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything (e.g. 413): read what it said.
            }
            return read(socket.getInputStream());
        }
    }

    /** @return the request as ISO-8859-1 bytes (each char one byte) */
    public static byte[] latin1(String request) {
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine;
        try {
            statusLine = line(in);
        } catch (IOException e) {
            return new Answer(-1, Map.of(), "");
        }
        if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
            return new Answer(-1, Map.of(), statusLine == null ? "" : statusLine);
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (status >= 200 && status != 204 && status != 304) {
            body.write(in.readAllBytes());
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
