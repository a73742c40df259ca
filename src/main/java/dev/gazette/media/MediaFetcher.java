package dev.gazette.media;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches an imported attachment's file from the site it was exported from, carefully: only http and
 * https, only public addresses (unless {@code gazette.media.fetch.allow-private}), a connect timeout
 * that also bounds the name lookup (which the JDK cannot time out by itself), a timeout for the whole
 * answer, at most {@code gazette.media.max-size} bytes, and at most three redirects, each checked
 * again. A host that failed once in a run fails at once for the rest of it ({@link Run}), so an
 * export whose site is gone does not wait once per attachment.
 *
 * <p>The address is checked before the HTTP client connects, and the client resolves the name again
 * (from the JVM's cache in practice): a name server answering differently within seconds could
 * still lead it elsewhere.
 */
@ApplicationScoped
public class MediaFetcher {

    private static final int MAX_REDIRECTS = 3;

    @Inject
    MediaConfig config;

    private final ExecutorService lookups = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gazette-media-lookup");
        t.setDaemon(true);
        return t;
    });

    private volatile HttpClient client;

    /** A file fetched, or why not. */
    public record Outcome(byte[] bytes, String fileName, String failure) {
        public boolean fetched() {
            return bytes != null;
        }
    }

    /** The fetches of one import: remembers hosts that failed. */
    public final class Run {
        private final Map<String, String> failedHosts = new ConcurrentHashMap<>();

        public Outcome fetch(String url) {
            if (!config.fetch().enabled()) {
                return failed("fetching is turned off (gazette.media.fetch.enabled)");
            }
            URI uri;
            try {
                uri = URI.create(url.trim());
            } catch (IllegalArgumentException e) {
                return failed("not a valid URL");
            }
            for (int redirect = 0; ; redirect++) {
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    return failed("only http and https URLs are fetched");
                }
                String host = uri.getHost();
                if (host == null || host.isEmpty()) {
                    return failed("the URL has no host");
                }
                String hostKey = scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + uri.getPort();
                String earlier = failedHosts.get(hostKey);
                if (earlier != null) {
                    return failed(earlier);
                }
                String refused = checkAddress(host);
                if (refused != null) {
                    failedHosts.put(hostKey, refused);
                    return failed(refused);
                }
                HttpResponse<InputStream> response;
                try {
                    response = client().send(HttpRequest.newBuilder(uri).timeout(config.fetch().timeout())
                            .header("User-Agent", "Gazette media import").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                } catch (HttpTimeoutException e) {
                    return remember(hostKey, "no answer within the timeout");
                } catch (IOException e) {
                    return remember(hostKey, "cannot connect (" + e.getClass().getSimpleName() + ")");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return failed("interrupted");
                } catch (IllegalArgumentException e) {
                    return failed("not a valid URL");
                }
                int status = response.statusCode();
                if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                    close(response);
                    if (redirect >= MAX_REDIRECTS) {
                        return failed("too many redirects");
                    }
                    try {
                        uri = uri.resolve(response.headers().firstValue("Location").get());
                    } catch (IllegalArgumentException e) {
                        return failed("a redirect to an invalid URL");
                    }
                    continue;
                }
                if (status != 200) {
                    close(response);
                    return failed("the server answered " + status);
                }
                long max = config.maxSize().asLongValue();
                try (InputStream in = response.body()) {
                    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                    if (bytes.length > max) {
                        return failed("larger than gazette.media.max-size (" + max + " bytes)");
                    }
                    String path = uri.getPath() == null ? "" : uri.getPath();
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    return new Outcome(bytes, name.isEmpty() ? null : name, null);
                } catch (IOException e) {
                    return failed("the transfer failed (" + e.getClass().getSimpleName() + ")");
                }
            }
        }

        private Outcome remember(String hostKey, String reason) {
            failedHosts.put(hostKey, reason);
            return failed(reason);
        }
    }

    public Run run() {
        return new Run();
    }

    /** Null when the host resolves, in time, to addresses Gazette may fetch from; else why not. */
    private String checkAddress(String host) {
        long timeout = config.fetch().connectTimeout().toMillis();
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        Future<InetAddress[]> lookup = lookups.submit(() -> InetAddress.getAllByName(name));
        InetAddress[] addresses;
        try {
            addresses = lookup.get(timeout, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return "the name lookup of " + host + " took longer than the connect timeout";
        } catch (ExecutionException e) {
            return e.getCause() instanceof UnknownHostException ? "unknown host " + host : "the name lookup of " + host + " failed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (!config.fetch().allowPrivate()) {
            for (InetAddress a : addresses) {
                if (!isPublic(a)) {
                    return host + " is a private, loopback or local address (gazette.media.fetch.allow-private)";
                }
            }
        }
        return null;
    }

    /** Whether an address is on the public internet (not loopback, private, link-local, shared, multicast, ...). */
    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0 // "this network"
                && !(first == 100 && second >= 64 && second < 128) // shared address space (carrier NAT)
                && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                && first < 240; // reserved and broadcast
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(config.fetch().connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
                c = client;
            }
        }
        return c;
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static Outcome failed(String reason) {
        return new Outcome(null, null, reason);
    }

    @PreDestroy
    void stop() {
        lookups.shutdownNow();
    }
}
