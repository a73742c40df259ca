package dev.gazette.webhook;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server standing in for a customer's webhook receiver. It records every request
 * and answers 503 while it is "down" or for its first {@code failFirst} requests, 204 otherwise.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String event, String delivery, String signature, String body, int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst;
    private volatile boolean down;
    private volatile long delayMillis;

    WebhookReceiver(int port, int failFirst) {
        this.failFirst = new AtomicInteger(failFirst);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = down || failFirst() ? 503 : 204;
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Gazette-Event"),
                    exchange.getRequestHeaders().getFirst("X-Gazette-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-Gazette-Signature"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    WebhookReceiver() {
        this(0, 0);
    }

    private boolean failFirst() {
        return failFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers only after this long (a receiver slower than Gazette's timeout). */
    void slow(java.time.Duration delay) {
        this.delayMillis = delay.toMillis();
    }

    void down(boolean down) {
        this.down = down;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests this receiver accepted (2xx). */
    List<Received> accepted() {
        return received.stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /**
     * How a receiver verifies a delivery: the HMAC-SHA256 of "{t}.{body}" under the shared secret
     * must equal v1. (The README shows the same check.)
     */
    static boolean signatureValid(String header, String body, String secret) {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            return java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
