package dev.gazette.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Gazette's own settings ({@code gazette.*} in application.properties or GAZETTE_* variables). */
@ConfigMapping(prefix = "gazette")
public interface GazetteConfig {

    Http http();

    Auth auth();

    Demo demo();

    Posts posts();

    Comments comments();

    Site site();

    Changes changes();

    Database database();

    /** What happens while the database cannot be reached ({@code DatabaseAvailability}). */
    interface Database {
        /** The {@code Retry-After} of the 503 answered while the database is unreachable. */
        @WithDefault("5s")
        Duration retryAfter();

        /** How often an unreachable database is tried again (the first success ends the outage). */
        @WithDefault("1s")
        Duration probeInterval();

        /** How long one try may take. */
        @WithDefault("2s")
        Duration probeTimeout();
    }

    interface Changes {
        /** How long changes are kept; a cursor older than that gets 410 and must resync. */
        @WithDefault("30d")
        Duration retention();
    }

    Feeds feeds();

    Webhooks webhooks();

    Imports imports();

    Content content();

    /** How stored article HTML is cleaned. */
    interface Content {
        /**
         * Hosts whose {@code https} iframes survive sanitizing (sandboxed, lazy-loaded); iframes from any other
         * host are removed. The embed providers (YouTube, Vimeo, X/Twitter, Instagram, SoundCloud, Spotify) are
         * rendered only while their player host is listed here (X/Twitter: platform.twitter.com).
         */
        @WithDefault("www.youtube-nocookie.com,www.youtube.com,player.vimeo.com,platform.twitter.com,www.instagram.com,"
                + "w.soundcloud.com,open.spotify.com")
        List<String> iframeHosts();
    }

    /** WordPress (WXR) imports. */
    interface Imports {
        /** Largest upload; 413 above it. */
        @WithDefault("1G")
        io.quarkus.runtime.configuration.MemorySize maxSize();

        /** Where uploads wait until their job has run (deleted afterwards). */
        @WithDefault("${java.io.tmpdir}/gazette-imports")
        String directory();
    }

    /** Delivery of webhook events: polling, timeouts, retries. */
    interface Webhooks {
        /** Runs the background dispatcher; off leaves deliveries waiting in the outbox. */
        @WithDefault("true")
        boolean dispatch();

        /** How often the dispatcher looks for due deliveries. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Deliveries sent per round, in parallel. */
        @WithDefault("32")
        int batchSize();

        /** Time allowed to connect and get a response; slower receivers count as failed. */
        @WithDefault("10s")
        Duration timeout();

        /** Wait after the first failed attempt; each further failure doubles it. */
        @WithDefault("10s")
        Duration backoff();

        /** The longest wait between attempts. */
        @WithDefault("1h")
        Duration maxBackoff();

        /** Attempts before a delivery is given up (FAILED); it can still be redelivered by hand. */
        @WithDefault("20")
        int maxAttempts();

        /** Failed attempts in a row after which an endpoint is disabled (its deliveries wait until it is enabled). */
        @WithDefault("50")
        int disableAfter();

        /** How long delivered and failed deliveries stay in the delivery log. */
        @WithDefault("30d")
        Duration logRetention();
    }

    /** The publication as readers know it: names and public URLs used in feeds. */
    interface Site {
        @WithDefault("Gazette")
        String title();

        @WithDefault("News and stories")
        String description();

        /** The public site's home page. */
        @WithDefault("http://localhost:8080")
        String url();

        /** A post's public URL; {slug} and {id} are replaced. */
        @WithDefault("http://localhost:8080/posts/{slug}")
        String postUrl();
    }

    interface Feeds {
        /** Items in a feed unless the request asks for fewer or more ({@code limit}, at most 100). */
        @WithDefault("20")
        int items();

        /** Full article HTML in feed items; false gives the excerpt only. */
        @WithDefault("true")
        boolean fullContent();
    }

    interface Http {
        /** Largest accepted request body, e.g. {@code 2M}. */
        @WithDefault("2M")
        MemorySize maxBodySize();

        /**
         * Longest accepted request URI (path and query); longer ones get a 414 problem. The HTTP
         * layer's own limit ({@code quarkus.http.limits.max-initial-line-length}) is set higher,
         * so that Gazette, not the HTTP codec, answers.
         */
        @WithDefault("8K")
        MemorySize maxUriLength();

        /**
         * Largest accepted request header section (names and values); larger ones get a 431
         * problem. {@code quarkus.http.limits.max-header-size} is set higher for the same reason.
         */
        @WithDefault("20K")
        MemorySize maxHeaderSize();

        /** Cache-Control sent with public GET responses. */
        @WithDefault("public, max-age=60")
        String cacheControl();

        /** The in-memory cache of rendered public responses. */
        ResponseCache cache();

        /** Shared HTTP caches in front of Gazette (Varnish, a CDN): the keys answers carry, and purging them. */
        Edge edge();

        interface Edge {
            /**
             * Headers that carry the keys of what a public answer shows: {@code xkey} (Varnish's xkey module) and
             * {@code Surrogate-Key} (Fastly and others) space-separated, {@code Cache-Tag} (Cloudflare, Akamai)
             * comma-separated. Empty: none.
             */
            @WithDefault("xkey,Surrogate-Key,Cache-Tag")
            List<String> keyHeaders();

            /** Where the keys of each committed change are purged (each Varnish, or a CDN's purge API); none: no purging. */
            Optional<List<String>> purgeUrls();

            /** The purge request's method ({@code PURGE} for Varnish, {@code POST} for Fastly's API). */
            @WithDefault("PURGE")
            String purgeMethod();

            /** The header that names the keys to purge, space-separated ({@code xkey-purge}; Fastly: {@code Surrogate-Key}). */
            @WithDefault("xkey-purge")
            String purgeKeyHeader();

            /** Other headers of each purge request, as {@code Name: value} (e.g. {@code Fastly-Key: ...}). */
            Optional<List<String>> purgeHeaders();

            /** How long a write waits for its purges before answering (a failed purge is then retried in the background). */
            @WithDefault("2s")
            Duration purgeTimeout();

            /** First wait before a failed purge is retried; it doubles up to {@code purge-max-backoff}. */
            @WithDefault("200ms")
            Duration purgeBackoff();

            @WithDefault("30s")
            Duration purgeMaxBackoff();

            /**
             * The {@code s-maxage} public answers carry while purges keep failing, so shared caches keep nothing
             * for long that could not be purged.
             */
            @WithDefault("5s")
            Duration fallbackSMaxage();
        }

        interface ResponseCache {
            /** Serve anonymous GETs from memory until the next change to public content. */
            @WithDefault("true")
            boolean enabled();

            /** Memory for rendered responses (bodies and keys); least used ones go first. */
            @WithDefault("64M")
            MemorySize maxSize();

            /**
             * How often the change counter is read, so that changes made through other instances
             * sharing the database empty this instance's cache too. Changes made here are seen at once.
             */
            @WithDefault("1s")
            Duration peerCheckInterval();

            /**
             * How late like and comment counts shown inside lists and feeds may be (a like on one post
             * then recomputes the lists it appears in at most once per interval); 0 = never late. The
             * post itself, its comment tree and everything else show a write at once.
             */
            @WithDefault("1s")
            Duration listCounterLag();

            /**
             * How long a request waits for a concurrent computation of the same answer before computing
             * it itself; 0 = never wait (every concurrent miss computes).
             */
            @WithDefault("2s")
            Duration coalesceWait();
        }
    }

    interface Auth {
        /** Token of the first admin. When empty and no token exists, one is generated and logged once. */
        Optional<String> bootstrapToken();
    }

    interface Demo {
        /** Load the demo publication into an empty database at start (on in dev mode). */
        @WithDefault("false")
        boolean enabled();
    }

    interface Comments {
        /** Nesting levels of a reply tree; a reply to a comment at the last level attaches beside it. */
        @WithDefault("10")
        int maxDepth();

        /** Longest comment, in characters. */
        @WithDefault("5000")
        int maxLength();

        /**
         * hold-all, approve-all, approve-known (authors with an earlier approved comment), or approve-trusted
         * (signed-in commenters with {@code gazette.comments.identity.trusted-after} approved comments; staff tokens).
         */
        @WithDefault("approve-known")
        Moderation moderation();

        /** Close comments this long after a post's publication; unset keeps them open. */
        Optional<Duration> closeAfter();

        /** How long a commenter may edit or delete their comment with its edit key. */
        @WithDefault("15m")
        Duration editWindow();

        /** Default and largest number of replies a tree response carries. */
        @WithDefault("100")
        int defaultReplyBudget();

        @WithDefault("10000")
        int maxReplyBudget();

        /** Secret mixed into the stored hash of commenter IPs; production refuses to start without one of its own ({@link ProductionChecks}). */
        @WithDefault(ProductionChecks.DEVELOPMENT_IP_HASH_SECRET)
        String ipHashSecret();

        Spam spam();

        enum Moderation { HOLD_ALL, APPROVE_ALL, APPROVE_KNOWN, APPROVE_TRUSTED }
    }

    /** The spam and abuse checks a new comment goes through, each one configurable. */
    interface Spam {
        /** A comment with the honeypot field filled in (by a bot) is stored as spam. */
        @WithDefault("true")
        boolean honeypot();

        /** More links than this sends a comment to moderation; negative turns the check off. */
        @WithDefault("2")
        int maxLinks();

        /** Words (case-insensitive) that mark a comment as spam. */
        Optional<List<String>> blockedWords();

        /** Emails ({@code ada@example.com}) or domains ({@code @example.com}) that mark a comment as spam. */
        Optional<List<String>> blockedEmails();

        /** IP ranges in CIDR form ({@code 203.0.113.0/24}, {@code 2001:db8::/32}) that mark a comment as spam. */
        Optional<List<String>> blockedIps();

        /** The same author posting the same text twice on a post is refused (409). */
        @WithDefault("true")
        boolean rejectDuplicates();

        /** Least time between two comments from one IP or one email (429 sooner); 0 turns it off. */
        @WithDefault("10s")
        Duration floodInterval();

        RateLimit rateLimit();

        Akismet akismet();
    }

    /** Token bucket per client IP over all comment writes (posting, editing, deleting, likes). */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Burst size. */
        @WithDefault("30")
        long capacity();

        /** Tokens that come back per period. */
        @WithDefault("30")
        long refillTokens();

        @WithDefault("1m")
        Duration refillPeriod();
    }

    /** An optional Akismet-compatible checker: its verdict marks spam; when it fails, the comment waits for a moderator. */
    interface Akismet {
        /** Base URL, e.g. {@code https://rest.akismet.com}; unset turns the check off. */
        Optional<String> url();

        Optional<String> key();

        /** The site as Akismet knows it ({@code blog}). */
        @WithDefault("http://localhost:8080")
        String site();

        @WithDefault("2s")
        Duration timeout();
    }

    interface Posts {
        /** How often scheduled posts whose time has come are switched to published (and announced in the change feed). */
        @WithDefault("5s")
        Duration schedulerInterval();
    }
}
