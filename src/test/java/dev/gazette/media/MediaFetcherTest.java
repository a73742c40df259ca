package dev.gazette.media;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fetcher on its own: which addresses it refuses, and that a refused host is never contacted. */
class MediaFetcherTest {

    static MediaFetcher fetcher(boolean allowPrivate) {
        MediaFetcher fetcher = new MediaFetcher();
        fetcher.config = new MediaConfig() {
            public Optional<String> baseUrl() {
                return Optional.empty();
            }

            public String directory() {
                return "unused";
            }

            public MemorySize maxSize() {
                return new MemorySize(BigInteger.valueOf(1000));
            }

            public long maxPixels() {
                return 1000;
            }

            public Fetch fetch() {
                return new Fetch() {
                    public boolean enabled() {
                        return true;
                    }

                    public Duration connectTimeout() {
                        return Duration.ofSeconds(1);
                    }

                    public Duration timeout() {
                        return Duration.ofSeconds(2);
                    }

                    public boolean allowPrivate() {
                        return allowPrivate;
                    }
                };
            }
        };
        return fetcher;
    }

    @Test
    void privateAndLoopbackAddressesAreRefusedUnlessAllowed() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = new byte[2000];
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/photo.jpg";
            MediaFetcher.Outcome refused = fetcher(false).run().fetch(url);
            assertFalse(refused.fetched());
            assertTrue(refused.failure().contains("private, loopback or local address"), refused.failure());
            MediaFetcher.Outcome localhost = fetcher(false).run().fetch("http://localhost:" + server.getAddress().getPort() + "/a.jpg");
            assertTrue(localhost.failure().contains("private"), localhost.failure());
            assertEquals(0, requests.get(), "nothing was sent to a refused address");

            // allowed: fetched, and cut at the size limit (1000 bytes here)
            MediaFetcher.Outcome tooLarge = fetcher(true).run().fetch(url);
            assertTrue(tooLarge.failure().contains("larger than"), tooLarge.failure());
            assertEquals(1, requests.get());
        } finally {
            server.stop(0);
        }
        assertTrue(fetcher(true).run().fetch("file:///etc/passwd").failure().contains("only http and https"));
        assertTrue(fetcher(true).run().fetch("gopher://example.test/").failure().contains("only http and https"));
    }

    @Test
    void onlyPublicAddressesArePublic() throws Exception {
        for (String a : new String[]{"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::"}) {
            assertFalse(MediaFetcher.isPublic(InetAddress.getByName(a)), a);
        }
        for (String a : new String[]{"93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"}) {
            assertTrue(MediaFetcher.isPublic(InetAddress.getByName(a)), a);
        }
    }

    @Test
    void aHostThatFailedFailsAtOnceForTheRestOfTheRun() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        MediaFetcher.Run run = fetcher(true).run();
        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertFalse(run.fetch("http://127.0.0.1:" + port + "/" + i + ".jpg").fetched());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 3000, millis + " ms for 50 attachments on a dead host");
    }

    /**
     * The theme unit test data's 38 attachments are on the internet, which is out of reach here (and may
     * be anywhere): with the default timeouts they must fail fast, whatever the name lookup does.
     */
    @Test
    void theThemeDataAttachmentsFailFastWithoutNetwork() throws Exception {
        java.nio.file.Path theme = java.nio.file.Path.of("..", "shared", "fixtures", "wordpress", "themeunittestdata.wordpress.xml");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(theme), "the shared fixtures are not beside the checkout");
        java.util.regex.Matcher urls = java.util.regex.Pattern.compile("<wp:attachment_url>(?:<!\\[CDATA\\[)?([^<\\]]+)")
                .matcher(java.nio.file.Files.readString(theme));
        MediaFetcher.Run run = fetcher(false).run();
        long started = System.nanoTime();
        int total = 0;
        int failed = 0;
        while (urls.find()) {
            total++;
            if (!run.fetch(urls.group(1)).fetched()) {
                failed++;
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("theme data attachments: " + failed + " of " + total + " not fetched in " + millis + " ms");
        assertEquals(38, total);
        if (failed == total) {
            // offline (as here): one failed lookup or connection, then the rest at once
            assertTrue(millis < 5000, millis + " ms");
        }
    }
}
