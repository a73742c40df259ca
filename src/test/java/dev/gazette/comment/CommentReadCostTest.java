package dev.gazette.comment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.Fixtures;
import dev.gazette.common.persistence.SqlReads;
import dev.gazette.common.web.ListPage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.gazette.Fixtures.as;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a comment answer costs when the response cache does not have it (a visitor's or a token's
 * request, or the first anonymous one), and that the answers are the bytes the application's
 * ObjectMapper writes for the same records.
 */
@QuarkusTest
class CommentReadCostTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    SqlReads reads;

    @Inject
    ObjectMapper mapper;

    private static int fresh;

    /** The fewest statements of three identical requests (a background job may run during one). */
    private long statements(Supplier<RequestSpecification> request, String url) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = statementsSoFar();
            request.get().get(url).then().statusCode(200);
            fewest = Math.min(fewest, statementsSoFar() - before);
        }
        return fewest;
    }

    /** Statements prepared by Hibernate and run by the read models since the start. */
    private long statementsSoFar() {
        return sessionFactory.getStatistics().getPrepareStatementCount() + reads.statements();
    }

    /** An anonymous request the response cache has not seen: every call gets a URL of its own. */
    private long anonymousMisses(String url) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = statementsSoFar();
            // the cache keys answers by URL and Accept: a new Accept header is a miss (unknown query parameters are refused)
            given().header("Accept", "application/json, text/x-miss-" + fresh++ + ";q=0.1").get(url).then().statusCode(200)
                    .header("X-Cache", "MISS");
            fewest = Math.min(fewest, statementsSoFar() - before);
        }
        return fewest;
    }

    @Test
    void aTreePageMissCostsThreeStatementsAtMostWhateverTheTreeHolds() {
        assertTrue(sessionFactory.getStatistics().isStatisticsEnabled());
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        long small = Fixtures.commentablePost();
        long large = Fixtures.commentablePost();
        String email = Fixtures.knownEmail(small, moderator);
        for (int i = 0; i < 3; i++) {
            long root = Fixtures.comment(small, null, email, "small " + i).getLong("id");
            Fixtures.comment(small, root, email, "reply " + i);
        }
        Long parent = null;
        for (int i = 0; i < 45; i++) { // 15 roots, each with a chain of two replies
            parent = Fixtures.comment(large, i % 3 == 0 ? null : parent, email, "large " + i).getLong("id");
        }
        for (String query : List.of("?limit=2", "?limit=2&sort=newest", "?limit=2&sort=top", "?limit=5&replies=3")) {
            String smallTree = "/api/v1/posts/" + small + "/comments" + query;
            String largeTree = "/api/v1/posts/" + large + "/comments" + query;
            Supplier<RequestSpecification> visitor = () -> given().header("X-Visitor-Id", "cost-visitor-1");
            Supplier<RequestSpecification> staff = () -> as(moderator.token());
            long visitorCost = statements(visitor, largeTree);
            assertEquals(statements(visitor, smallTree), visitorCost, "a visitor's page of a small and of a large tree " + query);
            assertTrue(visitorCost <= 3, "a visitor's tree page costs " + visitorCost + " statements " + query);
            long staffCost = statements(staff, largeTree);
            assertEquals(statements(staff, smallTree), staffCost, "a moderator's page of a small and of a large tree " + query);
            assertTrue(staffCost <= 3, "a moderator's tree page costs " + staffCost + " statements " + query);
            long anonymousCost = anonymousMisses(largeTree);
            assertEquals(anonymousMisses(smallTree), anonymousCost, "an anonymous miss of a small and of a large tree " + query);
            assertTrue(anonymousCost <= 3, "an anonymous miss of a tree page costs " + anonymousCost + " statements " + query);
        }
    }

    @Test
    void aWholeDiscussionCostsTwoStatements() {
        long postId = Fixtures.commentablePost();
        String email = Fixtures.knownEmail(postId, Fixtures.actor("moderator"));
        for (int i = 0; i < 55; i++) { // more roots than are read one by one
            long root = Fixtures.comment(postId, null, email, "Root " + i).getLong("id");
            Fixtures.comment(postId, root, email, "Reply " + i);
        }
        String whole = "/api/v1/posts/" + postId + "/comments?limit=1000&replies=10000";
        given().get(whole).then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(56));
        long cost = statements(() -> given().header("X-Visitor-Id", "cost-visitor-2"), whole);
        assertTrue(cost <= 2, "the whole discussion costs " + cost + " statements");
        assertTrue(anonymousMisses(whole) <= 2, "the whole discussion costs more than 2 statements on a miss");
    }

    @Test
    void threadsRepliesAndSingleCommentsCostAFixedNumberOfStatements() {
        long postId = Fixtures.commentablePost();
        String email = Fixtures.knownEmail(postId, Fixtures.actor("moderator"));
        long root = Fixtures.comment(postId, null, email, "root").getLong("id");
        Long parent = root;
        for (int i = 0; i < 12; i++) {
            long child = Fixtures.comment(postId, i % 2 == 0 ? root : parent, email, "r" + i).getLong("id");
            parent = child;
        }
        Supplier<RequestSpecification> visitor = () -> given().header("X-Visitor-Id", "cost-visitor-3");
        long get = statements(visitor, "/api/v1/comments/" + root);
        long thread = statements(visitor, "/api/v1/comments/" + root + "/thread");
        long replies = statements(visitor, "/api/v1/comments/" + root + "/replies");
        long repliesPage = statements(visitor, "/api/v1/comments/" + root + "/replies?limit=2");
        assertTrue(get <= 1, "a comment costs " + get + " statements");
        assertTrue(thread <= 2, "a thread costs " + thread + " statements");
        assertTrue(replies <= 3, "all replies of a comment cost " + replies + " statements");
        assertTrue(repliesPage <= 3, "a page of replies costs " + repliesPage + " statements");
    }

    @Test
    void commentAnswersAreTheBytesTheObjectMapperWrites() throws Exception {
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        long postId = Fixtures.commentablePost();
        String email = Fixtures.knownEmail(postId, moderator);
        long root = Fixtures.comment(postId, null, email,
                "Quotes \" and \\ backslashes, <em>markup</em> & entities, accents é ü, emoji \uD83C\uDF89, \u4E2D\u6587,"
                        + " tab\tnewline\r\nend (other control characters are refused on the way in)").getLong("id");
        long reply = Fixtures.comment(postId, root, email, "A reply with a link https://example.com/?a=1&b=\"2\"").getLong("id");
        for (int i = 0; i < 4; i++) {
            Fixtures.comment(postId, reply, email, "Nested " + i);
        }
        Fixtures.comment(postId, null, unique("pending") + "@example.com", "Waiting for moderation");
        as(moderator.token()).body(Map.of("content", "Edited by the moderator", "authorUrl", "https://reader.example/page"))
                .patch("/api/v1/comments/" + reply).then().statusCode(200);
        given().header("X-Visitor-Id", "bytes-visitor-1").put("/api/v1/comments/" + reply + "/like").then().statusCode(200);

        String tree = "/api/v1/posts/" + postId + "/comments";
        List<Supplier<RequestSpecification>> callers = List.of(() -> given(),
                () -> given().header("X-Visitor-Id", "bytes-visitor-1"), () -> as(moderator.token()));
        for (Supplier<RequestSpecification> caller : callers) {
            for (String page : List.of(tree, tree + "?replies=2", tree + "?limit=1&sort=newest", tree + "?sort=top",
                    "/api/v1/comments/" + root + "/replies", "/api/v1/comments/" + reply + "/replies?limit=2",
                    "/api/v1/comments?post=" + postId)) {
                byte[] body = caller.get().get(page).then().statusCode(200).extract().asByteArray();
                ListPage<CommentView> parsed = mapper.readValue(body, new TypeReference<ListPage<CommentView>>() { });
                assertArrayEquals(mapper.writeValueAsBytes(parsed), body, page + ": " + new String(body, "UTF-8"));
            }
            for (String one : List.of("/api/v1/comments/" + root, "/api/v1/comments/" + reply,
                    "/api/v1/comments/" + root + "/thread", "/api/v1/comments/" + root + "/thread?replies=1")) {
                byte[] body = caller.get().get(one).then().statusCode(200).extract().asByteArray();
                CommentView parsed = mapper.readValue(body, CommentView.class);
                assertArrayEquals(mapper.writeValueAsBytes(parsed), body, one + ": " + new String(body, "UTF-8"));
            }
        }
        byte[] queue = as(moderator.token()).queryParam("status", "pending").queryParam("post", postId).get("/api/v1/comments")
                .then().statusCode(200).extract().asByteArray();
        ListPage<CommentView> parsed = mapper.readValue(queue, new TypeReference<ListPage<CommentView>>() { });
        assertEquals(1, parsed.items().size());
        assertArrayEquals(mapper.writeValueAsBytes(parsed), queue, new String(queue, "UTF-8"));
    }
}
