package dev.gazette.comment.live;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent events client over a plain socket (closing it closes the connection at once, so the
 * server sees the stream end): the status and headers, then the stream parsed into events and
 * comment lines, read by a thread of its own into a queue.
 */
final class SseClient implements AutoCloseable {

    /** An event ({@code name} "message" when unnamed), or a comment line ({@code comment} set, the rest null). */
    record Event(String id, String name, String data, String comment) {
    }

    private final Socket socket;
    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    /** The body when the answer is not a stream (an error). */
    String body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private SseClient(String path, Map<String, String> extra) throws IOException {
        socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(30_000);
        StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: localhost:")
                .append(RestAssured.port).append("\r\nAccept: text/event-stream\r\n");
        extra.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        InputStream content = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? new Unchunked(in) : in;
        if (status != 200) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            if (headers.containsKey("content-length")) {
                all.write(content.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else {
                content.transferTo(all);
            }
            body = all.toString(StandardCharsets.UTF_8);
            socket.close();
            return;
        }
        Thread reader = new Thread(() -> read(content), "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(String path) throws IOException {
        return new SseClient(path, Map.of());
    }

    static SseClient open(String path, Map<String, String> headers) throws IOException {
        return new SseClient(path, headers);
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The next event or comment line, or null after the wait. */
    Event next(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event (comment lines skipped), failing after the wait. */
    Event nextEvent(Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        while (true) {
            Event e = events.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no event within " + wait);
            }
            if (e.comment() == null) {
                return e;
            }
        }
    }

    private void read(InputStream in) {
        try {
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line = line(in); line != null; line = line(in)) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString(), null));
                    }
                    name = null;
                    data = null;
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "" -> events.add(new Event(null, null, null, value));
                    case "id" -> id = value;
                    case "event" -> name = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                    }
                }
            }
        } catch (IOException closed) {
            // the stream ended
        }
    }

    /** A line ending in LF (a CR before it dropped), null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The body of a chunked answer. */
    private static final class Unchunked extends InputStream {
        private final InputStream in;
        private int left;
        private boolean done;

        Unchunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                if (size != null && size.isEmpty()) {
                    size = line(in); // the CRLF after the previous chunk
                }
                if (size == null) {
                    done = true;
                    return -1;
                }
                int semicolon = size.indexOf(';');
                left = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int b = in.read();
            if (b == -1) {
                done = true;
                return -1;
            }
            left--;
            return b;
        }
    }
}
