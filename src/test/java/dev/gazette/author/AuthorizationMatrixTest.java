package dev.gazette.author;

import dev.gazette.Fixtures;
import dev.gazette.common.Times;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Who may do what, generated from the served spec: every write operation (POST, PUT, PATCH,
 * DELETE) and every read that needs a token, tried as anonymous, an author on their own content,
 * an author on someone else's, a moderator, an editor and an admin. {@link #RULES} says who is
 * allowed; an operation in the spec that no rule covers fails the test, so a new operation is
 * covered the day it is added. Refused calls must answer 401 (no token) or 403 (the role may not)
 * as problem+json and leave no trace: no change in the change feed, and the target (or the
 * collection) reads the same for an admin afterwards.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Who { ANONYMOUS, AUTHOR_OWN, AUTHOR_OTHER, MODERATOR, EDITOR, ADMIN }

    private static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    private static final Set<Who> ANY_TOKEN = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));
    private static final Set<Who> WRITERS = EnumSet.of(Who.AUTHOR_OWN, Who.AUTHOR_OTHER, Who.EDITOR, Who.ADMIN);
    private static final Set<Who> OWNER_EDITOR_ADMIN = EnumSet.of(Who.AUTHOR_OWN, Who.EDITOR, Who.ADMIN);
    private static final Set<Who> EDITOR_ADMIN = EnumSet.of(Who.EDITOR, Who.ADMIN);
    private static final Set<Who> MODERATION = EnumSet.of(Who.MODERATOR, Who.EDITOR, Who.ADMIN);
    private static final Set<Who> OWNER_ADMIN = EnumSet.of(Who.AUTHOR_OWN, Who.ADMIN);
    private static final Set<Who> ADMIN = EnumSet.of(Who.ADMIN);

    /** Who may call operations matching {@code method} and {@code path}; {@code denied} is the refusal's status for a token. */
    record Rule(String method, Pattern path, Set<Who> allowed, int denied, String why) {
        boolean covers(String m, String p) {
            return method.equals(m) && path.matcher(p).matches();
        }
    }

    private static Rule rule(String method, String pathRegex, Set<Who> allowed, String why) {
        return new Rule(method, Pattern.compile(pathRegex), allowed, 403, why);
    }

    /** The rules, first match wins. Paths are the spec's templates. */
    static final List<Rule> RULES = List.of(
            rule("POST", "/api/v1/posts", WRITERS, "authors, editors and admins write posts (as themselves)"),
            rule("PUT", "/api/v1/posts/\\{idOrSlug}", OWNER_EDITOR_ADMIN, "an author changes only their own posts"),
            rule("PATCH", "/api/v1/posts/\\{idOrSlug}", OWNER_EDITOR_ADMIN, "an author changes only their own posts"),
            rule("DELETE", "/api/v1/posts/\\{idOrSlug}", OWNER_EDITOR_ADMIN, "an author deletes only their own posts"),
            rule("POST", "/api/v1/posts/\\{idOrSlug}/(publish|unpublish|schedule|trash|restore)", OWNER_EDITOR_ADMIN,
                    "an author publishes, schedules, trashes and restores only their own posts"),
            rule("POST", "/api/v1/pages", WRITERS, "authors, editors and admins write pages, as posts"),
            rule("PUT", "/api/v1/pages/\\{idOrSlug}", OWNER_EDITOR_ADMIN, "an author changes only their own pages"),
            rule("PATCH", "/api/v1/pages/\\{idOrSlug}", OWNER_EDITOR_ADMIN, "an author changes only their own pages"),
            rule("DELETE", "/api/v1/pages/\\{idOrSlug}", OWNER_EDITOR_ADMIN, "an author deletes only their own pages"),
            rule("POST", "/api/v1/posts/\\{idOrSlug}/comments", EVERYONE, "commenting is public"),
            rule("POST", "/wp-json/wp/v2/comments", EVERYONE, "commenting is public, also through WordPress' API"),
            rule("PUT", "/api/v1/(posts/\\{idOrSlug}|comments/\\{id})/like", EVERYONE, "liking is public (a visitor id or a token)"),
            rule("DELETE", "/api/v1/(posts/\\{idOrSlug}|comments/\\{id})/like", EVERYONE, "liking is public (a visitor id or a token)"),
            rule("POST", "/api/v1/comments/bulk", MODERATION, "moderation"),
            rule("POST", "/api/v1/comments/\\{id}/(approve|spam|trash|restore)", MODERATION, "moderation"),
            rule("PATCH", "/api/v1/comments/\\{id}", MODERATION, "a token alone edits no comment: moderators, or the edit key"),
            rule("DELETE", "/api/v1/comments/\\{id}", MODERATION, "a token alone deletes no comment: moderators, or the edit key"),
            rule("GET", "/api/v1/comments\\?status=pending", MODERATION, "the moderation queue"),
            rule("POST", "/api/v1/(categories|tags)", EDITOR_ADMIN, "terms are edited by editors and admins"),
            rule("PUT", "/api/v1/(categories|tags)/\\{idOrSlug}", EDITOR_ADMIN, "terms are edited by editors and admins"),
            rule("PATCH", "/api/v1/(categories|tags)/\\{idOrSlug}", EDITOR_ADMIN, "terms are edited by editors and admins"),
            rule("DELETE", "/api/v1/(categories|tags)/\\{idOrSlug}", EDITOR_ADMIN, "terms are edited by editors and admins"),
            rule("POST", "/api/v1/authors", ADMIN, "only admins manage authors"),
            rule("PUT", "/api/v1/authors/\\{idOrSlug}", ADMIN, "only admins manage authors, also one's own profile"),
            rule("PATCH", "/api/v1/authors/\\{idOrSlug}", ADMIN, "only admins manage authors, also one's own profile"),
            rule("DELETE", "/api/v1/authors/\\{idOrSlug}", ADMIN, "only admins manage authors"),
            rule("GET", "/api/v1/me", ANY_TOKEN, "any token reads its own author"),
            new Rule("GET", Pattern.compile("/api/v1/me/.+"), EnumSet.noneOf(Who.class), 401,
                    "signed-in commenters only (X-Id-Token): a staff token is no commenter"),
            new Rule("POST", Pattern.compile("/api/v1/me/.+"), EnumSet.noneOf(Who.class), 401,
                    "signed-in commenters only (X-Id-Token): a staff token is no commenter"),
            rule("GET", "/api/v1/commenters/\\{id}", MODERATION, "moderators look at signed-in commenters"),
            rule("POST", "/api/v1/commenters/\\{id}/block", MODERATION, "moderators block signed-in commenters"),
            rule("DELETE", "/api/v1/commenters/\\{id}/block", MODERATION, "moderators unblock signed-in commenters"),
            rule("GET", "/api/v1/privacy/.+", ADMIN, "data-protection requests and their log are for admins"),
            rule("POST", "/api/v1/privacy/.+", ADMIN, "data-protection requests and the retention purge are for admins"),
            rule("GET", "/api/v1/tokens", ANY_TOKEN, "any token lists its own tokens (admins: all)"),
            rule("POST", "/api/v1/tokens", OWNER_ADMIN, "tokens for oneself, or by an admin for anyone"),
            new Rule("DELETE", Pattern.compile("/api/v1/tokens/\\{id}"), OWNER_ADMIN, 404,
                    "one's own tokens, or an admin; another's token is not found (its existence is not revealed)"),
            rule("POST", "/api/v1/media", WRITERS, "authors, editors and admins upload media (as themselves)"),
            rule("PATCH", "/api/v1/media/\\{id}", OWNER_EDITOR_ADMIN, "an author changes only their own media"),
            rule("DELETE", "/api/v1/media/\\{id}", OWNER_EDITOR_ADMIN, "an author deletes only their own media"),
            rule("GET", "/api/v1/imports(/\\{id})?", ADMIN, "imports are for admins"),
            rule("POST", "/api/v1/imports", ADMIN, "imports are for admins"),
            rule("GET", "/api/v1/webhooks(/.*)?", ADMIN, "webhooks are for admins"),
            rule("POST", "/api/v1/webhooks(/.*)?", ADMIN, "webhooks are for admins"),
            rule("PATCH", "/api/v1/webhooks/\\{id}", ADMIN, "webhooks are for admins"),
            rule("DELETE", "/api/v1/webhooks/\\{id}", ADMIN, "webhooks are for admins"));

    /** Reads that need a token but are not marked as such in the spec (a parameter decides). */
    static final List<String[]> EXTRA_OPERATIONS = List.<String[]>of(new String[]{"GET", "/api/v1/comments?status=pending"});

    private static final String DEAD_URL = "http://127.0.0.1:9/gazette-matrix";

    private final List<Long> webhooks = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        webhooks.forEach(id -> asAdmin().delete("/api/v1/webhooks/" + id));
        Times.reset();
    }

    /** The operations to try: every write, every read whose spec names a security requirement, and the extras. */
    static List<String[]> operations() {
        JsonPath spec = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = spec.getMap("paths");
        List<String[]> ops = new ArrayList<>();
        new TreeMap<>(paths).forEach((path, methods) -> methods.forEach((method, op) -> {
            String m = method.toUpperCase(java.util.Locale.ROOT);
            boolean write = Set.of("POST", "PUT", "PATCH", "DELETE").contains(m);
            boolean securedRead = m.equals("GET") && op.get("security") != null;
            if (write || securedRead) {
                ops.add(new String[]{m, path});
            }
        }));
        ops.addAll(EXTRA_OPERATIONS);
        return ops;
    }

    private static Rule ruleFor(String method, String path) {
        return RULES.stream().filter(r -> r.covers(method, path)).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ the actors and their targets

    private Fixtures.Actor me;          // the author acting in AUTHOR_OWN and AUTHOR_OTHER
    private Fixtures.Actor someoneElse; // the author owning "another's" content
    private final Map<Who, Fixtures.Actor> actors = new HashMap<>();

    private String token(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case AUTHOR_OWN, AUTHOR_OTHER -> me.token();
            case ADMIN -> Fixtures.ADMIN_TOKEN;
            default -> actors.get(who).token();
        };
    }

    /** What an operation acts on, made fresh for each call that may change it, owned by the caller or by someone else. */
    final class Target {
        final Fixtures.Actor owner;
        final Map<String, Object> made = new HashMap<>();

        Target(Fixtures.Actor owner) {
            this.owner = owner;
        }

        long post() {
            return (Long) made.computeIfAbsent("post", k -> Fixtures.postId(Fixtures.publishedPost(owner.token(), unique("matrix"), Map.of())));
        }

        long comment() {
            return (Long) made.computeIfAbsent("comment", k -> {
                long post = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("matrix-discussed"), Map.of()));
                return Fixtures.as(owner.token()).body(Map.of("content", "Matrix comment " + unique("c")))
                        .post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().jsonPath().getLong("id");
            });
        }

        long page() {
            return (Long) made.computeIfAbsent("page", k -> Fixtures.as(owner.token())
                    .body(Map.of("title", "Matrix page " + unique("p"), "status", "published"))
                    .post("/api/v1/pages").then().statusCode(201).extract().jsonPath().getLong("id"));
        }

        long category() {
            return (Long) made.computeIfAbsent("category", k -> Fixtures.category("Matrix " + unique("c"), null));
        }

        long tag() {
            return (Long) made.computeIfAbsent("tag", k -> Fixtures.tag("Matrix " + unique("t")));
        }

        /** One's own author, or another (a fresh one, without posts, so an allowed delete really deletes). */
        long author() {
            return (Long) made.computeIfAbsent("author", k -> owner == me ? me.authorId() : Fixtures.actor("author").authorId());
        }

        long token() {
            return (Long) made.computeIfAbsent("token", k -> asAdmin().body(Map.of("name", "matrix", "authorId", owner.authorId()))
                    .post("/api/v1/tokens").then().statusCode(201).extract().jsonPath().getLong("id"));
        }

        long webhook() {
            return (Long) made.computeIfAbsent("webhook", k -> {
                long id = asAdmin().body(Map.of("url", DEAD_URL, "events", List.of("post.deleted")))
                        .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
                webhooks.add(id);
                return id;
            });
        }

        String delivery() {
            long hook = webhook(); // not inside computeIfAbsent: it adds to the same map
            return (String) made.computeIfAbsent("delivery", k -> {
                asAdmin().post("/api/v1/webhooks/" + hook + "/ping").then().statusCode(202);
                return asAdmin().get("/api/v1/webhooks/" + hook + "/deliveries").then().statusCode(200)
                        .extract().jsonPath().getString("items[0].id");
            });
        }

        long media() {
            return (Long) made.computeIfAbsent("media", k -> given().header("Authorization", "Bearer " + owner.token())
                    .contentType("image/png").body(PNG).post("/api/v1/media").then().statusCode(201).extract().jsonPath().getLong("id"));
        }

        long importJob() {
            return (Long) made.computeIfAbsent("import", k -> {
                String location = asAdmin().contentType("application/xml").body(EMPTY_WXR).post("/api/v1/imports")
                        .then().statusCode(202).extract().header("Location");
                return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            });
        }

        /** The spec path with its placeholders filled in for this target. */
        String path(String template) {
            String p = template;
            if (p.contains("{deliveryId}")) {
                p = p.replace("{deliveryId}", delivery());
            }
            if (p.startsWith("/api/v1/posts/{idOrSlug}")) {
                p = p.replace("{idOrSlug}", Long.toString(post()));
            } else if (p.startsWith("/api/v1/pages/{idOrSlug}")) {
                p = p.replace("{idOrSlug}", Long.toString(page()));
            } else if (p.startsWith("/api/v1/comments/{id}")) {
                p = p.replace("{id}", Long.toString(comment()));
            } else if (p.startsWith("/api/v1/categories/")) {
                p = p.replace("{idOrSlug}", Long.toString(category()));
            } else if (p.startsWith("/api/v1/tags/")) {
                p = p.replace("{idOrSlug}", Long.toString(tag()));
            } else if (p.startsWith("/api/v1/authors/")) {
                p = p.replace("{idOrSlug}", Long.toString(author()));
            } else if (p.startsWith("/api/v1/tokens/")) {
                p = p.replace("{id}", Long.toString(token()));
            } else if (p.startsWith("/api/v1/webhooks/")) {
                p = p.replace("{id}", Long.toString(webhook()));
            } else if (p.startsWith("/api/v1/media/")) {
                p = p.replace("{id}", Long.toString(media()));
            } else if (p.startsWith("/api/v1/imports/")) {
                p = p.replace("{id}", Long.toString(importJob()));
            } else if (p.startsWith("/api/v1/commenters/")) {
                p = p.replace("{id}", "999999999"); // signed-in commenters need an OpenID provider: see SignInTest, TrustTest
            }
            if (p.contains("{")) {
                fail("no target known for " + template + ": teach Target.path how to fill it in");
            }
            return p;
        }

        /**
         * What an admin reads of the target (or of the collection a create adds to): the same before
         * and after a refused call.
         */
        String witness(String method, String template, String path) {
            String base = path.replaceAll("/(publish|unpublish|schedule|trash|restore|approve|spam|like|ping|redeliver|comments)$", "");
            if (template.startsWith("/api/v1/webhooks")) {
                if (template.equals("/api/v1/webhooks")) {
                    return String.valueOf(asAdmin().get("/api/v1/webhooks").jsonPath().getList("id"));
                }
                JsonPath hook = asAdmin().get("/api/v1/webhooks/" + webhook()).jsonPath();
                return hook.getString("url") + hook.getString("events") + hook.getString("enabled") + hook.getString("description")
                        + asAdmin().get("/api/v1/webhooks/" + webhook() + "/deliveries").jsonPath().getString("page.total");
            }
            if (template.startsWith("/api/v1/tokens")) {
                return asAdmin().get("/api/v1/tokens").asString();
            }
            if (template.startsWith("/api/v1/imports")) {
                return asAdmin().get("/api/v1/imports?limit=1").jsonPath().getString("items[0].id");
            }
            if (template.equals("/api/v1/media")) {
                return asAdmin().get("/api/v1/media?limit=1").jsonPath().getString("items[0].id");
            }
            if (template.equals("/api/v1/comments/bulk")) {
                return asAdmin().get("/api/v1/comments/" + comment()).asString();
            }
            if (template.contains("{")) {
                Response r = asAdmin().get(base);
                return r.statusCode() + r.asString();
            }
            return ""; // a create in a collection: the change feed shows any write
        }
    }

    /** A 2×2 PNG: what an upload sends. */
    private static final byte[] PNG = png();

    private static byte[] png() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final String EMPTY_WXR = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\">"
            + "<channel><title>Matrix</title></channel></rss>";

    /** A request body the operation accepts (validation runs before authorization, so it must be valid). */
    private Object body(String method, String template, Target t, Who who) {
        String u = unique("m");
        return switch (method + " " + template) {
            case "POST /api/v1/posts" -> Map.of("title", "Matrix " + u, "content", "<p>x</p>", "status", "published");
            case "PUT /api/v1/posts/{idOrSlug}" -> Map.of("title", "Matrix " + u, "content", "<p>replaced</p>", "status", "published");
            case "PATCH /api/v1/posts/{idOrSlug}" -> Map.of("title", "Matrix " + u);
            case "POST /api/v1/pages", "PUT /api/v1/pages/{idOrSlug}" -> Map.of("title", "Matrix " + u, "status", "published");
            case "PATCH /api/v1/pages/{idOrSlug}" -> Map.of("title", "Matrix " + u);
            case "POST /api/v1/posts/{idOrSlug}/schedule" -> Map.of("publishAt", Times.now().plus(Duration.ofDays(3)).toString());
            case "POST /api/v1/posts/{idOrSlug}/comments" -> Map.of("authorName", "Matrix", "authorEmail", u + "@example.com",
                    "content", "Matrix says " + u);
            case "POST /wp-json/wp/v2/comments" -> Map.of("post", t.post(), "author_name", "Matrix", "author_email", u + "@example.com",
                    "content", "Matrix says " + u);
            case "POST /api/v1/comments/bulk" -> Map.of("ids", List.of(t.comment()), "action", "approve");
            case "PATCH /api/v1/comments/{id}" -> Map.of("content", "Edited " + u);
            case "POST /api/v1/categories", "POST /api/v1/tags" -> Map.of("name", "Matrix " + u, "slug", u);
            case "PUT /api/v1/categories/{idOrSlug}", "PUT /api/v1/tags/{idOrSlug}" -> Map.of("name", "Matrix " + u);
            case "PATCH /api/v1/categories/{idOrSlug}", "PATCH /api/v1/tags/{idOrSlug}", "PATCH /api/v1/authors/{idOrSlug}",
                 "PATCH /api/v1/webhooks/{id}" -> Map.of(template.contains("authors") ? "bio" : "description", "Matrix " + u);
            case "POST /api/v1/authors" -> Map.of("displayName", "Matrix " + u, "role", "author", "email", u + "@example.com");
            case "PUT /api/v1/authors/{idOrSlug}" -> Map.of("displayName", "Matrix " + u, "role", "author");
            case "POST /api/v1/tokens" -> Map.of("name", "matrix " + u, "authorId", t.owner.authorId());
            case "POST /api/v1/webhooks" -> Map.of("url", DEAD_URL, "events", List.of("post.deleted"));
            case "POST /api/v1/imports" -> EMPTY_WXR;
            case "POST /api/v1/media" -> PNG;
            case "PATCH /api/v1/media/{id}" -> Map.of("altText", "Matrix " + u);
            case "POST /api/v1/privacy/erasures" -> Map.of("email", u + "@example.com");
            case "POST /api/v1/me/erasure" -> Map.of("comments", "anonymize");
            case "POST /api/v1/commenters/{id}/block" -> Map.of("reason", "Matrix " + u);
            default -> null;
        };
    }

    private static String contentType(String method, String template) {
        if (template.equals("/api/v1/imports")) {
            return "application/xml";
        }
        if (template.equals("/api/v1/media")) {
            return "image/png";
        }
        return method.equals("PATCH") && !template.startsWith("/api/v1/comments") ? "application/merge-patch+json" : "application/json";
    }

    private String knownHead;

    /** The change feed's position now (walked on from the last position known). */
    private String head() {
        String cursor = knownHead;
        while (true) {
            RequestSpecification req = given().queryParam("limit", 1000);
            if (cursor != null) {
                req.queryParam("after", cursor);
            }
            JsonPath page = req.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            String next = page.getString("page.next");
            if (next != null) {
                cursor = next;
            }
            if (page.getList("items").size() < 1000) {
                knownHead = cursor;
                return cursor;
            }
        }
    }

    private static List<Object> changesAfter(String cursor) {
        RequestSpecification req = given().queryParam("limit", 1000);
        if (cursor != null) {
            req.queryParam("after", cursor);
        }
        return req.get("/api/v1/changes").then().statusCode(200).extract().jsonPath().getList("items");
    }

    // ------------------------------------------------------------------ the matrix

    @Test
    void everyWriteAndEveryProtectedReadAsEveryRole() {
        List<String[]> ops = operations();
        List<String> uncovered = ops.stream().filter(o -> ruleFor(o[0], o[1]) == null).map(o -> o[0] + " " + o[1]).toList();
        assertEquals(List.of(), uncovered, "operations in the spec that no authorization rule covers: add a rule to RULES");

        me = Fixtures.actor("author");
        someoneElse = Fixtures.actor("author");
        actors.put(Who.MODERATOR, Fixtures.actor("moderator"));
        actors.put(Who.EDITOR, Fixtures.actor("editor"));

        Map<String, String> results = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        int allowedCalls = 0;
        int refusedCalls = 0;
        for (String[] op : ops) {
            String method = op[0];
            String template = op[1];
            Rule rule = ruleFor(method, template);
            // refused calls first, on one target per owner: they must leave it (and the change feed) as it was
            Map<Fixtures.Actor, Target> shared = new HashMap<>();
            Map<Target, String> witnessBefore = new LinkedHashMap<>();
            List<Who> order = new ArrayList<>();
            Set<Who> allowedWho = rule.allowed();
            boolean write = !method.equals("GET");
            // the refused calls' targets are made (and read) before the change feed's position is taken
            for (Who who : Who.values()) {
                if (!allowedWho.contains(who)) {
                    Target t = shared.computeIfAbsent(who == Who.AUTHOR_OWN ? me : someoneElse, Target::new);
                    String p = t.path(template);
                    if (write && !witnessBefore.containsKey(t)) {
                        witnessBefore.put(t, t.witness(method, template, p));
                    }
                }
            }
            String headBefore = write ? head() : null;
            for (Who who : Who.values()) {
                if (!allowedWho.contains(who)) {
                    order.add(who);
                }
            }
            for (Who who : Who.values()) {
                if (allowedWho.contains(who)) {
                    order.add(who);
                }
            }
            Map<Who, Integer> statuses = new java.util.EnumMap<>(Who.class);
            for (Who who : order) {
                boolean allowed = allowedWho.contains(who);
                Fixtures.Actor owner = who == Who.AUTHOR_OWN ? me : someoneElse;
                // an allowed call may change or delete its target: it gets a fresh one
                Target target = allowed ? new Target(owner) : shared.computeIfAbsent(owner, Target::new);
                String path = target.path(template);
                Object body = body(method, template, target, who);

                RequestSpecification request = given().header("X-Visitor-Id", unique("matrix-visitor"));
                if (token(who) != null) {
                    request.header("Authorization", "Bearer " + token(who));
                }
                if (body instanceof byte[] bytes) {
                    request.contentType(contentType(method, template)).body(bytes);
                } else if (body != null) {
                    request.contentType(contentType(method, template)).body(body);
                }
                Response response = request.request(method, path);
                int status = response.statusCode();
                statuses.put(who, status);
                String where = method + " " + template + " as " + who + " (" + rule.why() + ")";
                if (allowed) {
                    allowedCalls++;
                    if (status == 401 || status == 403 || status >= 500) {
                        failures.add(where + ": allowed, but answered " + status + " " + response.asString());
                    }
                } else {
                    refusedCalls++;
                    int expected = who == Who.ANONYMOUS ? 401 : rule.denied();
                    if (status != expected) {
                        failures.add(where + ": expected " + expected + ", got " + status + " " + response.asString());
                    } else if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                        failures.add(where + ": refusal is not problem+json but " + response.contentType());
                    }
                }
                if (write && !allowed && order.indexOf(who) == order.size() - allowedWho.size() - 1) {
                    // the last refused call of this operation: nothing may have been written by any of them
                    List<Object> written = changesAfter(headBefore);
                    if (!written.isEmpty()) {
                        failures.add(method + " " + template + ": refused calls, but the change feed shows " + written);
                    }
                    witnessBefore.forEach((t, before) -> {
                        String after = t.witness(method, template, t.path(template));
                        if (!java.util.Objects.equals(after, before)) {
                            failures.add(method + " " + template + ": refused calls, but what they target changed:\n  before "
                                    + before + "\n  after  " + after);
                        }
                    });
                }
            }
            StringBuilder row = new StringBuilder();
            statuses.forEach((who, status) -> row.append(String.format(" %s=%d%s", who.name().toLowerCase(java.util.Locale.ROOT), status,
                    allowedWho.contains(who) ? "" : "*")));
            results.put(method + " " + template, row.toString());
        }

        System.out.printf("Authorization matrix: %d operations x %d roles = %d calls (%d allowed, %d refused), %d failures%n",
                ops.size(), Who.values().length, ops.size() * Who.values().length, allowedCalls, refusedCalls, failures.size());
        System.out.println("  (status per role; * = refused by the rules)");
        results.forEach((op, row) -> System.out.println("  " + op + " ->" + row));
        failures.forEach(f -> System.out.println("  FAIL " + f));
        assertTrue(ops.size() >= 50, "the spec lists " + ops.size() + " protected operations");
        assertEquals(List.of(), failures);
    }
}
