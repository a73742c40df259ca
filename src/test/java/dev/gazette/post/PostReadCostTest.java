package dev.gazette.post;

import dev.gazette.Fixtures;
import dev.gazette.common.persistence.SqlReads;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a post read costs when the response cache cannot answer it (a miss: a URL not asked before,
 * or a request with a token): a fixed number of SQL statements whatever the page size and the
 * includes, and no entity loaded (answers are built from SQL projections, not hydrated entities).
 */
@QuarkusTest
class PostReadCostTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    SqlReads reads;

    /** Statements and entity loads of one request (the least of three, in case a background job ran meanwhile). */
    private Cost costOf(Supplier<RequestSpecification> request, String path) {
        Statistics stats = sessionFactory.getStatistics();
        long fewestStatements = Long.MAX_VALUE;
        long fewestLoads = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long statements = stats.getPrepareStatementCount() + reads.statements();
            long loads = stats.getEntityLoadCount() + stats.getEntityFetchCount() + stats.getCollectionLoadCount();
            request.get().header("Accept", missing()).get(path).then().statusCode(200).header("X-Cache", not(equalTo("HIT")));
            fewestStatements = Math.min(fewestStatements, stats.getPrepareStatementCount() + reads.statements() - statements);
            fewestLoads = Math.min(fewestLoads,
                    stats.getEntityLoadCount() + stats.getEntityFetchCount() + stats.getCollectionLoadCount() - loads);
        }
        return new Cost(fewestStatements, fewestLoads);
    }

    private record Cost(long statements, long entityLoads) {
    }

    /**
     * An Accept header no request sent before: the response cache keys answers by URL and Accept, so
     * the request is computed (unknown query parameters are refused, so the URL cannot vary instead).
     */
    static String missing() {
        return "application/json, text/x-miss-" + unique("m") + ";q=0.1";
    }

    @Test
    void aListCostsTheSameFewStatementsForAnyPageSizeAndLoadsNoEntity() {
        assertTrue(sessionFactory.getStatistics().isStatisticsEnabled());
        long tagId = Fixtures.tag(unique("cost"));
        Fixtures.Actor writer = Fixtures.actor("author");
        for (int i = 0; i < 24; i++) {
            long cat = Fixtures.category(unique("c"), null);
            Fixtures.publishedPost(i % 3 == 0 ? writer.token() : Fixtures.ADMIN_TOKEN, unique("cost"),
                    Map.of("tags", List.of(tagId, Fixtures.tag(unique("t"))), "categories", List.of(cat)));
        }
        String list = "/api/v1/posts?tag=" + tagId + "&include=author,categories,tags&fields=title,content,author,categories,tags";
        given().get(list + "&limit=1").then().statusCode(200); // the list's total, remembered from here on

        Cost small = costOf(RestAssured::given, list + "&limit=2");
        Cost large = costOf(RestAssured::given, list + "&limit=24");
        given().get(list + "&limit=24").then().statusCode(200).body("items", hasSize(24))
                .body("items.author", everyItem(notNullValue())).body("items.categories", everyItem(hasSize(1)))
                .body("items.tags", everyItem(hasSize(2)));
        assertEquals(small.statements(), large.statements(), "statements for 2 items vs 24 items");
        // the tag filter's lookup, the page with its posts and authors, and the terms of all of them
        assertTrue(large.statements() <= 3, "a list with includes costs " + large.statements() + " statements");
        assertEquals(0, large.entityLoads(), "entities loaded for a list");
        // likedByMe of a visitor is read in the page's statement: not one statement more, whatever the page size
        Cost visitorSmall = costOf(() -> given().header("X-Visitor-Id", unique("visitor")), list + "&limit=2");
        Cost visitor = costOf(() -> given().header("X-Visitor-Id", unique("visitor")), list + "&limit=24");
        assertEquals(large.statements(), visitor.statements(), "statements with likedByMe vs without");
        assertEquals(visitorSmall.statements(), visitor.statements(), "statements with likedByMe for 2 items vs 24 items");

        Cost newest = costOf(RestAssured::given, "/api/v1/posts?include=author,categories,tags&limit=24");
        // (plus one statement for the featured images' media items when a post on it has one: other tests make such posts)
        boolean showsMedia = given().get("/api/v1/posts?include=author,categories,tags&limit=24").jsonPath()
                .getList("items.featuredMediaId").stream().anyMatch(java.util.Objects::nonNull);
        assertTrue(newest.statements() <= (showsMedia ? 3 : 2), "the front page costs " + newest.statements() + " statements");
        assertEquals(0, newest.entityLoads(), "entities loaded for the front page");

        // with a token: every request is computed, the total counted each time (it depends on the caller)
        Cost drafts = costOf(() -> Fixtures.as(writer.token()), "/api/v1/posts?status=any&include=author,categories,tags&limit=24");
        Cost draftsSmall = costOf(() -> Fixtures.as(writer.token()), "/api/v1/posts?status=any&include=author,categories,tags&limit=2");
        assertEquals(draftsSmall.statements(), drafts.statements(), "statements for 2 items vs 24 items with a token");
        assertTrue(drafts.statements() <= 4, "a list with a token costs " + drafts.statements() + " statements");
    }

    @Test
    void aSinglePostCostsOneStatementWithAnyIncludesAndLoadsNoEntity() {
        long cat = Fixtures.category(unique("c"), null);
        Map<String, Object> post = Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("single"),
                Map.of("tags", List.of(Fixtures.tag(unique("t")), Fixtures.tag(unique("t"))), "categories", List.of(cat)));
        for (String path : List.of("/api/v1/posts/" + post.get("slug"), "/api/v1/posts/" + Fixtures.postId(post),
                "/api/v1/posts/" + post.get("slug") + "?include=author,categories,tags")) {
            Cost cost = costOf(RestAssured::given, path);
            assertEquals(1, cost.statements(), "statements for " + path);
            assertEquals(0, cost.entityLoads(), "entities loaded for " + path);
            Cost liked = costOf(() -> given().header("X-Visitor-Id", unique("visitor")), path);
            assertEquals(1, liked.statements(), "statements with likedByMe for " + path);
        }
        given().header("Accept", missing()).get("/api/v1/posts/" + post.get("slug") + "?include=author,categories,tags")
                .then().statusCode(200).body("categories.id", contains((int) cat)).body("tags", hasSize(2))
                .body("tagIds", hasSize(2)).body("author.id", equalTo(((Number) post.get("authorId")).intValue()));
    }

    @Test
    void featuredImagesCostOneStatementForAnyPageSizeAndLoadNoEntity() throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(400, 400, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        long tagId = Fixtures.tag(unique("featured"));
        for (int i = 0; i < 24; i++) {
            long media = given().header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN).contentType("image/png")
                    .body(png.toByteArray()).post("/api/v1/media").then().statusCode(201).extract().jsonPath().getLong("id");
            Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("featured"), Map.of("tags", List.of(tagId), "featuredMediaId", media));
        }
        String list = "/api/v1/posts?tag=" + tagId;
        given().get(list + "&limit=1").then().statusCode(200); // the list's total, remembered from here on
        Cost small = costOf(RestAssured::given, list + "&limit=2");
        Cost large = costOf(RestAssured::given, list + "&limit=24");
        given().get(list + "&limit=24").then().statusCode(200).body("items.featuredMedia.sizes", everyItem(hasSize(3)));
        assertEquals(small.statements(), large.statements(), "statements for 2 items vs 24 items with featured images");
        // the tag filter's lookup, the page, the terms, the media items
        assertTrue(large.statements() <= 4, "a list of posts with featured images costs " + large.statements() + " statements");
        assertEquals(0, large.entityLoads(), "entities loaded for a list with featured images");
        String slug = given().get(list + "&limit=1").jsonPath().getString("items[0].slug");
        Cost single = costOf(RestAssured::given, "/api/v1/posts/" + slug);
        assertEquals(2, single.statements(), "a post and its featured image");
        assertEquals(0, single.entityLoads());
    }
}
