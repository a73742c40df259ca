package dev.gazette.comment;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A local server speaking the Akismet comment-check protocol: "true" for spam, "false" for ham.
 * Content decides: "buy-cheap-pills" is spam, "slow-checker" answers after 2.5 s, "broken-checker"
 * fails with 500. {@code GET /last} returns the last form it received.
 */
final class FakeSpamChecker {

    private static HttpServer server;
    private static volatile String lastRequest = "";

    private FakeSpamChecker() {
    }

    static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/1.1/comment-check", exchange -> {
                String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                lastRequest = raw;
                Map<String, String> form = parse(raw);
                String content = form.getOrDefault("comment_content", "");
                int status = 200;
                String answer = "false";
                if (content.contains("buy-cheap-pills")) {
                    answer = "true";
                } else if (content.contains("slow-checker")) {
                    try {
                        Thread.sleep(2500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else if (content.contains("broken-checker")) {
                    status = 500;
                    answer = "internal error";
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            // the test runs in Quarkus' class loader, apart from this instance: it reads the last request over HTTP
            server.createContext("/last", exchange -> {
                byte[] bytes = lastRequest.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static Map<String, String> parse(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }
}
