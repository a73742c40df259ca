package dev.gazette.comment;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.as;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CommentTreeTest {

    @Inject
    SessionFactory sessionFactory;

    static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    static long post() {
        return Fixtures.commentablePost();
    }

    static JsonPath comment(long postId, Long parentId, String email, String content) {
        return Fixtures.comment(postId, parentId, email, content);
    }

    static String knownEmail(long postId, Fixtures.Actor moderator) {
        return Fixtures.knownEmail(postId, moderator);
    }

    @Test
    void firstCommentWaitsForModerationAndApprovalMakesItAndItsCountsAppear() {
        long postId = post();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        String email = unique("new") + "@example.com";
        JsonPath created = comment(postId, null, email, "Hello there");
        assertEquals("pending", created.getString("status"));
        assertTrue(created.getString("editKey").length() > 20);
        long id = created.getLong("id");

        given().get("/api/v1/posts/" + postId + "/comments").then().statusCode(200).body("page.total", equalTo(0));
        given().get("/api/v1/posts/" + postId).then().body("commentCount", equalTo(0));
        given().get("/api/v1/comments/" + id).then().statusCode(404);
        as(moderator.token()).queryParam("status", "pending").queryParam("post", postId).get("/api/v1/comments")
                .then().statusCode(200).body("items.id", contains((int) id))
                .body("items[0].moderation.authorEmail", equalTo(email));
        given().queryParam("status", "pending").get("/api/v1/comments").then().statusCode(401);

        as(moderator.token()).post("/api/v1/comments/" + id + "/approve").then().statusCode(200).body("status", equalTo("approved"));
        given().get("/api/v1/posts/" + postId + "/comments").then().statusCode(200)
                .body("items.id", contains((int) id)).body("items[0].contentHtml", equalTo("<p>Hello there</p>"));
        given().get("/api/v1/posts/" + postId).then().body("commentCount", equalTo(1));
        // the same email is known now: approved at once
        assertEquals("approved", comment(postId, id, email, "Me again").getString("status"));
        given().get("/api/v1/comments/" + id).then().body("replyCount", equalTo(1)).body("descendantCount", equalTo(1));
    }

    @Test
    void aTokenCommentsAsItsAuthorAndIsApprovedAtOnce() {
        long postId = post();
        Fixtures.Actor writer = Fixtures.actor("author");
        as(writer.token()).body(Map.of("content", "Author here: thanks for reading.")).post("/api/v1/posts/" + postId + "/comments")
                .then().statusCode(201)
                .body("status", equalTo("approved"))
                .body("author.authorId", equalTo((int) writer.authorId()))
                .body("author.name", containsString("Test author-"))
                .body("author.avatarHash", notNullValue());
        given().get("/api/v1/posts/" + postId).then().body("commentCount", equalTo(1));
    }

    @Test
    void repliesTwelveLevelsDeepNestUpToTheCap() {
        long postId = post();
        String email = knownEmail(postId, Fixtures.actor("moderator"));
        List<Long> chain = new ArrayList<>();
        Long parent = null;
        for (int i = 0; i < 12; i++) {
            JsonPath c = comment(postId, parent, email, "Level " + i);
            assertEquals("approved", c.getString("status"));
            chain.add(c.getLong("id"));
            assertEquals(Math.min(i, 9), c.getInt("depth"), "depth of reply " + i);
            parent = c.getLong("id");
        }
        JsonPath tree = given().get("/api/v1/posts/" + postId + "/comments").then().statusCode(200).extract().jsonPath();
        // roots: the known-email comment and the chain's root
        Map<String, Object> root = tree.getMap("items.find { it.id == " + chain.get(0) + " }");
        assertEquals(11, ((Number) root.get("descendantCount")).intValue());
        String path = "items.find { it.id == " + chain.get(0) + " }";
        for (int depth = 1; depth <= 8; depth++) {
            path += ".replies[0]";
            assertEquals(chain.get(depth).intValue(), tree.getInt(path + ".id"), "node at depth " + depth);
        }
        // the comment at depth 8 holds level 9 and the two replies that went past the cap, oldest first
        assertEquals(List.of(chain.get(9).intValue(), chain.get(10).intValue(), chain.get(11).intValue()),
                tree.getList(path + ".replies.id"));
        assertEquals(List.of(9, 9, 9), tree.getList(path + ".replies.depth"));
        assertEquals(3, tree.getInt(path + ".replyCount"));
        assertEquals(List.of(), tree.getList(path + ".replies[2].replies"));
    }

    @Test
    void treePagesRootsAndCutsRepliesAtTheBudgetWithALinkToTheRest() {
        long postId = post();
        String email = knownEmail(postId, Fixtures.actor("moderator"));
        long busy = comment(postId, null, email, "Busy thread").getLong("id");
        List<Long> replies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replies.add(comment(postId, busy, email, "Reply " + i).getLong("id"));
        }
        for (int i = 0; i < 3; i++) {
            comment(postId, null, email, "Root " + i);
        }
        // 5 roots in all (known-email first comment, busy, 3 more); 2 per page
        JsonPath first = given().queryParam("limit", 2).queryParam("replies", 4).get("/api/v1/posts/" + postId + "/comments")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(5, first.getInt("page.total"));
        assertEquals((int) busy, first.getInt("items[1].id"));
        assertEquals(replies.subList(0, 4).stream().map(Long::intValue).toList(), first.getList("items[1].replies.id"));
        assertEquals(2, first.getInt("items[1].moreReplies.remaining"));
        String href = first.getString("items[1].moreReplies.href");
        given().get(href).then().statusCode(200)
                .body("items.id", contains(replies.get(4).intValue(), replies.get(5).intValue()));
        JsonPath second = given().queryParam("limit", 2).queryParam("cursor", first.getString("page.next"))
                .get("/api/v1/posts/" + postId + "/comments").then().statusCode(200).extract().jsonPath();
        assertEquals(2, second.getList("items").size());
        JsonPath newest = given().queryParam("sort", "newest").queryParam("limit", 1)
                .get("/api/v1/posts/" + postId + "/comments").then().statusCode(200).extract().jsonPath();
        assertEquals("<p>Root 2</p>", newest.getString("items[0].contentHtml"));
        given().get("/api/v1/comments/" + busy + "/thread").then().statusCode(200)
                .body("id", equalTo((int) busy)).body("replies.size()", equalTo(6));
        given().queryParam("replies", "-1").get("/api/v1/posts/" + postId + "/comments").then().statusCode(400)
                .body("errors[0].field", equalTo("replies"));
    }

    @Test
    void contentIsSanitizedAndLinksAreMarkedAsUserContent() {
        long postId = post();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        String email = knownEmail(postId, moderator);
        String xss = "<script>alert(1)</script><img src=x onerror=alert(2)><b onclick=\"x()\">bold</b> "
                + "<a href=\"javascript:alert(3)\">js</a> <a href=\"https://example.com\">ok</a>\nnext line\n\n<em>second</em>";
        JsonPath c = comment(postId, null, email, xss);
        String html = c.getString("contentHtml");
        assertFalse(html.contains("script") || html.contains("onerror") || html.contains("onclick")
                || html.contains("javascript:") || html.contains("<img"), html);
        assertTrue(html.contains("<a href=\"https://example.com\" rel=\"nofollow ugc noopener\">ok</a>"), html);
        assertTrue(html.contains("<br />next line") || html.contains("<br>next line"), html);
        assertTrue(html.contains("<p><em>second</em></p>"), html);
        given().get("/api/v1/comments/" + c.getLong("id")).then().body("contentHtml", equalTo(html));
    }

    @Test
    void emailsAndIpsNeverAppearPublicly() {
        long postId = post();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        String email = knownEmail(postId, moderator);
        long id = comment(postId, null, email, "Private?").getLong("id");
        String expectedHash = dev.gazette.common.text.Hashes.sha256Hex(email.toLowerCase());
        for (String url : List.of("/api/v1/posts/" + postId + "/comments", "/api/v1/comments/" + id,
                "/api/v1/comments?post=" + postId, "/api/v1/comments/" + id + "/thread")) {
            String body = given().get(url).then().statusCode(200).extract().asString();
            assertFalse(body.contains(email), url);
            assertFalse(body.contains("\"moderation\":{") || body.contains("authorEmail"), url); // always null in public
            assertTrue(body.contains("\"moderation\":null"), url);
            assertFalse(body.contains("ipHash"), url);
        }
        given().get("/api/v1/comments/" + id).then().body("author.avatarHash", equalTo(expectedHash))
                .body("author", not(hasKey("email")));
        as(moderator.token()).get("/api/v1/comments/" + id).then()
                .body("moderation.authorEmail", equalTo(email)).body("moderation.ipHash", notNullValue());
    }

    @Test
    void everyoneSearchesCommentsByTextAndNameOnlyModeratorsByEmail() {
        long postId = post();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        String email = knownEmail(postId, moderator);
        String word = unique("quayside").replace("-", "");
        long match = comment(postId, null, email, "The " + word + " lights are out again").getLong("id");
        comment(postId, null, email, "Nothing to see here");
        given().queryParam("post", postId).queryParam("q", word.toUpperCase()).get("/api/v1/comments").then().statusCode(200)
                .body("items.id", contains((int) match)).body("page.total", equalTo(1));
        // an email is private: the public search does not look at it, a moderator's does
        String mailbox = email.substring(0, email.indexOf('@'));
        given().queryParam("post", postId).queryParam("q", mailbox).get("/api/v1/comments").then().statusCode(200)
                .body("page.total", equalTo(0));
        as(moderator.token()).queryParam("post", postId).queryParam("q", mailbox).get("/api/v1/comments").then().statusCode(200)
                .body("page.total", equalTo(3));
    }

    @Test
    void validationAndClosedComments() {
        long postId = post();
        anonymous().body(Map.of("authorName", "A", "authorEmail", "not-an-email", "content", "x"))
                .post("/api/v1/posts/" + postId + "/comments").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("authorEmail"));
        anonymous().body(Map.of("content", "x")).post("/api/v1/posts/" + postId + "/comments").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("authorName", "authorEmail"));
        anonymous().body(Map.of("authorName", "A", "authorEmail", "a@example.com", "content", "x".repeat(5001)))
                .post("/api/v1/posts/" + postId + "/comments").then().statusCode(422).body("errors[0].field", equalTo("content"));
        anonymous().body(Map.of("authorName", "A", "authorEmail", "a@example.com", "content", "x", "authorUrl", "javascript:alert(1)"))
                .post("/api/v1/posts/" + postId + "/comments").then().statusCode(422).body("errors[0].field", equalTo("authorUrl"));
        long other = post();
        long onOther = comment(other, null, unique("o") + "@example.com", "elsewhere").getLong("id");
        anonymous().body(Map.of("authorName", "A", "authorEmail", "a@example.com", "content", "x", "parentId", onOther))
                .post("/api/v1/posts/" + postId + "/comments").then().statusCode(422).body("errors[0].field", equalTo("parentId"));
        anonymous().body(Map.of("authorName", "A", "authorEmail", "a@example.com", "content", "x"))
                .post("/api/v1/posts/no-such-post-" + unique("x") + "/comments").then().statusCode(404);

        Fixtures.asAdmin().contentType("application/merge-patch+json").body(Map.of("commentStatus", "closed"))
                .patch("/api/v1/posts/" + postId).then().statusCode(200);
        anonymous().body(Map.of("authorName", "A", "authorEmail", "a@example.com", "content", "x"))
                .post("/api/v1/posts/" + postId + "/comments").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("closed"));
    }

    @Test
    void commenterEditsAndDeletesWithTheEditKey() {
        long postId = post();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        String email = knownEmail(postId, moderator);
        JsonPath c = comment(postId, null, email, "Typo hre");
        long id = c.getLong("id");
        String key = c.getString("editKey");
        anonymous().body(Map.of("content", "Typo here")).patch("/api/v1/comments/" + id).then().statusCode(401);
        anonymous().header("X-Edit-Key", "wrong-key-000000000").body(Map.of("content", "Hacked"))
                .patch("/api/v1/comments/" + id).then().statusCode(403);
        anonymous().header("X-Edit-Key", key).body(Map.of("content", "Typo here", "authorName", "Someone else"))
                .patch("/api/v1/comments/" + id).then().statusCode(403);
        anonymous().header("X-Edit-Key", key).body(Map.of("content", "Typo here"))
                .patch("/api/v1/comments/" + id).then().statusCode(200).body("contentHtml", equalTo("<p>Typo here</p>"));
        given().get("/api/v1/posts/" + postId).then().body("commentCount", equalTo(2));
        anonymous().header("X-Edit-Key", key).delete("/api/v1/comments/" + id).then().statusCode(204);
        given().get("/api/v1/comments/" + id).then().statusCode(404);
        given().get("/api/v1/posts/" + postId).then().body("commentCount", equalTo(1));
        as(moderator.token()).get("/api/v1/comments/" + id).then().body("status", equalTo("trashed"));
    }

    @Test
    void countersStayExactThroughModeration() {
        long postId = post();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        String email = knownEmail(postId, moderator);
        long root = comment(postId, null, email, "root").getLong("id");
        long a = comment(postId, root, email, "a").getLong("id");
        long b = comment(postId, a, email, "b").getLong("id");
        long c = comment(postId, b, email, "c").getLong("id");
        assertCounts(postId, root, 5, 1, 3);
        as(moderator.token()).post("/api/v1/comments/" + c + "/spam").then().statusCode(200).body("status", equalTo("spam"));
        assertCounts(postId, root, 4, 1, 2);
        as(moderator.token()).post("/api/v1/comments/" + c + "/spam").then().statusCode(200);
        assertCounts(postId, root, 4, 1, 2);
        as(moderator.token()).post("/api/v1/comments/" + c + "/restore").then().statusCode(200).body("status", equalTo("pending"));
        as(moderator.token()).post("/api/v1/comments/" + c + "/approve").then().statusCode(200);
        assertCounts(postId, root, 5, 1, 3);
        as(moderator.token()).post("/api/v1/comments/" + a + "/trash").then().statusCode(200);
        assertCounts(postId, root, 4, 0, 2);
        given().get("/api/v1/comments/" + b).then().statusCode(200);
        as(moderator.token()).body(Map.of("ids", List.of(a, 999999999L), "action", "approve")).contentType(ContentType.JSON)
                .post("/api/v1/comments/bulk").then().statusCode(200)
                .body("results.status", contains(200, 404)).body("results[0].commentStatus", equalTo("approved"));
        assertCounts(postId, root, 5, 1, 3);
        as(moderator.token()).delete("/api/v1/comments/" + a).then().statusCode(204);
        assertCounts(postId, root, 2, 0, 0);
        given().get("/api/v1/comments/" + c).then().statusCode(404);
    }

    private static void assertCounts(long postId, long root, int postComments, int rootReplies, int rootDescendants) {
        given().get("/api/v1/posts/" + postId).then().body("commentCount", equalTo(postComments));
        given().get("/api/v1/comments/" + root).then()
                .body("replyCount", equalTo(rootReplies)).body("descendantCount", equalTo(rootDescendants));
    }

    @Test
    void treeCostsAConstantNumberOfStatements() {
        long small = post();
        long large = post();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        String email = knownEmail(small, moderator);
        long s = comment(small, null, email, "s").getLong("id");
        comment(small, s, email, "s1");
        Long parent = null;
        for (int i = 0; i < 30; i++) {
            parent = comment(large, i % 3 == 0 ? null : parent, email, "l" + i).getLong("id");
        }
        assertEquals(statements(small), statements(large));
        assertTrue(statements(large) <= 6, "a tree costs " + statements(large) + " statements");
    }

    private long statements(long postId) {
        var stats = sessionFactory.getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = stats.getPrepareStatementCount();
            given().header("X-Visitor-Id", "visitor-123456").get("/api/v1/posts/" + postId + "/comments").then().statusCode(200);
            fewest = Math.min(fewest, stats.getPrepareStatementCount() - before);
        }
        return fewest;
    }

    @Test
    void everyWriteIsVisibleToTheNextReadOfTheCachedTree() {
        long postId = post();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        String email = knownEmail(postId, moderator);
        String tree = "/api/v1/posts/" + postId + "/comments";
        long a = comment(postId, null, email, "first").getLong("id");
        given().get(tree).then().header("X-Cache", "MISS").body("items.id", org.hamcrest.Matchers.hasItem((int) a));
        given().get(tree).then().header("X-Cache", "HIT").body("items.id", org.hamcrest.Matchers.hasItem((int) a));

        // every write below drops the cached tree: the next read is a MISS that shows it
        long b = comment(postId, a, email, "reply").getLong("id");
        given().get(tree).then().header("X-Cache", "MISS").body("items.find { it.id == " + a + " }.replies.id", contains((int) b));
        given().get(tree).then().header("X-Cache", "HIT");

        given().header("X-Visitor-Id", "cache-visitor-1").put("/api/v1/comments/" + a + "/like").then().statusCode(200);
        given().get(tree).then().header("X-Cache", "MISS").body("items.find { it.id == " + a + " }.likeCount", equalTo(1));
        given().get(tree).then().header("X-Cache", "HIT");

        anonymous().header("X-Edit-Key", "nope-nope-nope").body(Map.of("content", "x")).patch("/api/v1/comments/" + b)
                .then().statusCode(403);
        as(moderator.token()).body(Map.of("content", "edited by moderation")).contentType(ContentType.JSON)
                .patch("/api/v1/comments/" + b).then().statusCode(200);
        given().get(tree).then().header("X-Cache", "MISS")
                .body("items.find { it.id == " + a + " }.replies[0].contentHtml", equalTo("<p>edited by moderation</p>"));
        given().get(tree).then().header("X-Cache", "HIT");

        as(moderator.token()).post("/api/v1/comments/" + b + "/trash").then().statusCode(200);
        given().get(tree).then().header("X-Cache", "MISS").body("items.find { it.id == " + a + " }.replies", org.hamcrest.Matchers.empty());
        given().get(tree).then().header("X-Cache", "HIT");

        // a moderator's view (with emails) never reaches the public through the cache
        as(moderator.token()).get(tree).then().body("items[0].moderation.authorEmail", notNullValue());
        String publicBody = given().get(tree).then().statusCode(200).extract().asString();
        assertFalse(publicBody.contains(email) || publicBody.contains("\"moderation\":{"), publicBody);
        given().header("X-Visitor-Id", "cache-visitor-1").get(tree).then()
                .body("items.find { it.id == " + a + " }.likedByMe", equalTo(true));
        given().get(tree).then().body("items.find { it.id == " + a + " }.likedByMe", nullValue());

        // unpublishing the post hides the cached tree at once
        given().get(tree).then().statusCode(200).header("X-Cache", "HIT");
        Fixtures.asAdmin().post("/api/v1/posts/" + postId + "/unpublish").then().statusCode(200);
        given().get(tree).then().statusCode(404);
    }

    @Test
    void aWholeDiscussionComesInOneRequest() {
        long postId = post();
        String email = knownEmail(postId, Fixtures.actor("moderator"));
        List<Long> roots = new ArrayList<>();
        List<Long> replies = new ArrayList<>();
        for (int i = 0; i < 60; i++) { // more roots than are read one by one
            long root = comment(postId, null, email, "Root " + i).getLong("id");
            roots.add(root);
            replies.add(comment(postId, root, email, "Reply to " + i).getLong("id"));
        }
        roots.add(0, roots.remove(0)); // the known-email comment is the first root
        JsonPath whole = given().queryParam("limit", 1000).queryParam("replies", 10000)
                .get("/api/v1/posts/" + postId + "/comments").then().statusCode(200).extract().jsonPath();
        List<Integer> rootIds = whole.getList("items.id");
        assertEquals(61, rootIds.size());
        assertTrue(rootIds.containsAll(roots.stream().map(Long::intValue).toList()));
        for (int i = 0; i < 60; i++) {
            assertEquals(List.of(replies.get(i).intValue()), whole.getList("items.find { it.id == " + roots.get(i) + " }.replies.id"));
        }
        assertEquals(null, whole.getString("page.next"));
        // a reply budget cuts across the whole page, breadth first
        given().queryParam("limit", 1000).queryParam("replies", 10).get("/api/v1/posts/" + postId + "/comments").then()
                .statusCode(200).body("items.collect { it.replies?.size() ?: 0 }.sum()", equalTo(10));
        given().queryParam("limit", 1001).get("/api/v1/posts/" + postId + "/comments").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void treeAnswersIfNoneMatchAndChangesWithANewReply() {
        long postId = post();
        String email = knownEmail(postId, Fixtures.actor("moderator"));
        String etag = given().get("/api/v1/posts/" + postId + "/comments").then().statusCode(200)
                .header("Vary", allOf(containsString("Authorization"), containsString("X-Visitor-Id")))
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/posts/" + postId + "/comments").then().statusCode(304);
        comment(postId, null, email, "news");
        given().header("If-None-Match", etag).get("/api/v1/posts/" + postId + "/comments").then().statusCode(200);
        given().get("/api/v1/comments/abc").then().statusCode(400);
        given().get("/api/v1/comments/987654321").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", containsString("987654321"));
    }
}
