package dev.gazette.comment.identity;

import dev.gazette.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.gazette.comment.identity.SignInTest.signedIn;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data rights of commenters: the export holds everything about one person and nothing about
 * anyone else; erasure leaves none of their personal data in any table while the threads they took
 * part in stay whole and counted exactly; exports and erasures are in the audit log; the retention
 * purge removes old IP hashes and user agents.
 */
@QuarkusTest
@WithTestResource(OidcProvider.class)
class DataRightsTest {

    @Inject
    DataSource dataSource;

    private static long commentAs(String token, long postId, Long parentId, String text) {
        Map<String, Object> body = parentId == null ? Map.of("content", text) : Map.of("content", text, "parentId", parentId);
        return signedIn(token).body(body).post("/api/v1/posts/" + postId + "/comments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static void approve(Fixtures.Actor moderator, long id) {
        Fixtures.as(moderator.token()).post("/api/v1/comments/" + id + "/approve").then().statusCode(200);
    }

    @Test
    void theExportHoldsEverythingAboutThePersonAndNothingAboutOthers() {
        ProviderClient.assumeProvider();
        long postId = Fixtures.commentablePost();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        SignInTest.Person ada = SignInTest.Person.random();
        SignInTest.Person bob = SignInTest.Person.random();
        String adaToken = ada.token();
        long bobs = commentAs(bob.token(), postId, null, "Bob's words");
        approve(moderator, bobs);
        long adas = commentAs(adaToken, postId, bobs, "Ada answers Bob");
        signedIn(adaToken).put("/api/v1/comments/" + bobs + "/like").then().statusCode(200);
        signedIn(adaToken).put("/api/v1/posts/" + postId + "/like").then().statusCode(200);
        // the same person, earlier, without signing in
        long anonymous = given().contentType(ContentType.JSON).header("User-Agent", "AdaBrowser/1.0")
                .body(Map.of("authorName", "Ada (anonymous)", "authorEmail", ada.email(), "content", "Written before signing up"))
                .post("/api/v1/posts/" + postId + "/comments").then().statusCode(201).extract().jsonPath().getLong("id");

        var self = signedIn(adaToken).get("/api/v1/me/data").then().statusCode(200).extract();
        JsonPath mine = self.jsonPath();
        assertEquals(1, mine.getList("identities").size());
        assertEquals(ada.email(), mine.getString("identities[0].email"));
        assertEquals(ada.sub(), mine.getString("identities[0].subject"));
        assertEquals(List.of(adas), ids(mine.getList("comments.id")), "self-service: what was written signed in");
        assertEquals("Ada answers Bob", stripP(mine.getString("comments[0].contentHtml")));
        assertEquals(String.valueOf(postId), mine.getString("comments[0].postId"));
        assertTrue(mine.getString("comments[0].postSlug").startsWith("commented-"));
        assertEquals(2, mine.getList("likes").size());
        assertFalse(self.asString().contains(bob.email()) || self.asString().contains(bob.name()), "nothing about Bob");

        var admin = Fixtures.asAdmin().get("/api/v1/privacy/export?email=" + ada.email().toUpperCase()).then().statusCode(200).extract();
        JsonPath all = admin.jsonPath();
        assertEquals(List.of(adas, anonymous), ids(all.getList("comments.id")), "by email: the anonymous comment too, oldest first");
        assertEquals("AdaBrowser/1.0", all.getString("comments[1].userAgent"));
        assertEquals(2, all.getList("likes").size());
        assertFalse(admin.asString().contains(bob.email()) || admin.asString().contains("Bob's words"), "nothing about Bob");
        Fixtures.as(moderator.token()).get("/api/v1/privacy/export?email=" + ada.email()).then().statusCode(403);

        JsonPath log = Fixtures.asAdmin().get("/api/v1/privacy/requests?limit=2").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("export", "export"), log.getList("items.kind"));
        assertTrue(log.getString("items[0].requestedBy").startsWith("author:"));
        assertEquals("self", log.getString("items[1].requestedBy"));
        assertEquals(log.getString("items[0].subjectHash"), log.getString("items[1].subjectHash"), "the same person, by keyed hash");
        assertFalse(log.prettify().contains(ada.email()));
    }

    @Test
    void anErasureLeavesNoPersonalDataAnywhereAndKeepsTheRepliesInPlace() throws SQLException {
        ProviderClient.assumeProvider();
        long postId = Fixtures.commentablePost();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        SignInTest.Person eva = SignInTest.Person.random();
        SignInTest.Person bob = SignInTest.Person.random();
        String evaToken = eva.token();
        long root = commentAs(evaToken, postId, null, "Eva starts a thread");
        approve(moderator, root);
        long reply = commentAs(bob.token(), postId, root, "Bob replies to Eva");
        approve(moderator, reply);
        signedIn(evaToken).put("/api/v1/comments/" + reply + "/like").then().statusCode(200).body("likeCount", equalTo(1));
        long anonymous = given().contentType(ContentType.JSON).header("User-Agent", "EvaBrowser/2.0")
                .body(Map.of("authorName", "Eva", "authorEmail", eva.email(), "authorUrl", "https://eva.example", "content", "Anonymous Eva"))
                .post("/api/v1/posts/" + postId + "/comments").then().statusCode(201).extract().jsonPath().getLong("id");
        approve(moderator, anonymous);
        assertTrue(hits(eva.email()) > 0, "the search finds the email before the erasure (it can fail)");

        Fixtures.asAdmin().body(Map.of("email", eva.email(), "comments", "anonymize")).post("/api/v1/privacy/erasures")
                .then().statusCode(200)
                .body("mode", equalTo("anonymize")).body("commentsAnonymized", equalTo(2)).body("commentsRemoved", equalTo(0))
                .body("likesRemoved", equalTo(1)).body("identitiesRemoved", equalTo(1));

        assertEquals(0, hits(eva.email()), "the email is nowhere in the database");
        assertEquals(0, hits(eva.sub()), "nor the identity's subject");
        assertEquals(0, hits("https://eva.example"), "nor the URL");
        assertEquals(0, hits("EvaBrowser"), "nor the user agent");
        given().get("/api/v1/posts/" + postId + "/comments").then().statusCode(200)
                .body("items.find { it.id == " + root + " }.author.name", equalTo("Deleted"))
                .body("items.find { it.id == " + root + " }.author.picture", nullValue())
                .body("items.find { it.id == " + root + " }.replies[0].id", equalTo((int) reply))
                .body("items.find { it.id == " + root + " }.replies[0].likeCount", equalTo(0))
                .body("items.find { it.id == " + anonymous + " }.author.name", equalTo("Deleted"))
                .body("items.find { it.id == " + anonymous + " }.author.avatarHash", nullValue());
        given().get("/api/v1/posts/" + postId).then().statusCode(200).body("commentCount", equalTo(3));
        Fixtures.as(moderator.token()).get("/api/v1/comments/" + anonymous).then().statusCode(200)
                .body("moderation.authorEmail", nullValue()).body("moderation.ipHash", nullValue())
                .body("moderation.userAgent", nullValue());
        // the old token signs in a new, empty identity
        signedIn(evaToken).get("/api/v1/me/comments").then().statusCode(200).body("items.size()", equalTo(0));
        Fixtures.asAdmin().get("/api/v1/privacy/requests?limit=1").then().statusCode(200)
                .body("items[0].kind", equalTo("erasure")).body("items[0].outcome", notNullValue());
    }

    @Test
    void erasureByRemovalDeletesWhatNobodyAnsweredAndKeepsAnsweredCommentsAsRemovedNodes() {
        ProviderClient.assumeProvider();
        long postId = Fixtures.commentablePost();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        SignInTest.Person ivy = SignInTest.Person.random();
        String ivyToken = ivy.token();
        String bobToken = SignInTest.Person.random().token();
        long root = commentAs(ivyToken, postId, null, "Ivy's question");
        approve(moderator, root);
        long answer = commentAs(bobToken, postId, root, "Bob's answer");
        approve(moderator, answer);
        long thanks = commentAs(ivyToken, postId, answer, "Ivy says thanks");
        approve(moderator, thanks);
        long aside = commentAs(ivyToken, postId, null, "Ivy's aside");
        approve(moderator, aside);
        long more = commentAs(ivyToken, postId, null, "Ivy, known by now: approved at once");
        given().get("/api/v1/posts/" + postId).then().body("commentCount", equalTo(5));

        signedIn(ivyToken).contentType(ContentType.JSON).body(Map.of("comments", "remove")).post("/api/v1/me/erasure")
                .then().statusCode(200).body("commentsRemoved", equalTo(3)).body("commentsKeptForReplies", equalTo(1));

        given().get("/api/v1/posts/" + postId).then().statusCode(200).body("commentCount", equalTo(2));
        JsonPath tree = given().get("/api/v1/posts/" + postId + "/comments").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(root), ids(tree.getList("items.id")));
        assertEquals("Deleted", tree.getString("items[0].author.name"));
        assertEquals("<p>[removed]</p>", tree.getString("items[0].contentHtml"));
        assertEquals(1, tree.getInt("items[0].replyCount"));
        assertEquals(1, tree.getInt("items[0].descendantCount"));
        assertEquals(answer, tree.getLong("items[0].replies[0].id"));
        assertEquals(0, tree.getInt("items[0].replies[0].replyCount"));
        for (long gone : new long[] {thanks, aside, more}) {
            Fixtures.as(moderator.token()).get("/api/v1/comments/" + gone).then().statusCode(404);
        }
        Fixtures.asAdmin().get("/api/v1/privacy/requests?limit=1").then().statusCode(200)
                .body("items[0].kind", equalTo("erasure")).body("items[0].requestedBy", equalTo("self"));
    }

    @Test
    void theRetentionPurgeRemovesOldIpHashesAndUserAgentsOnly() throws SQLException {
        long postId = Fixtures.commentablePost();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        long old = Fixtures.comment(postId, null, Fixtures.unique("old") + "@example.com", "An old comment").getLong("id");
        long recent = Fixtures.comment(postId, null, Fixtures.unique("new") + "@example.com", "A recent comment").getLong("id");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update comment set created_at = ? where id = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(91))));
            s.setLong(2, old);
            assertEquals(1, s.executeUpdate());
        }
        Fixtures.as(moderator.token()).get("/api/v1/comments/" + old).then().body("moderation.ipHash", notNullValue())
                .body("moderation.userAgent", notNullValue());
        Fixtures.as(moderator.token()).post("/api/v1/privacy/retention-purge").then().statusCode(403);
        int purged = Fixtures.asAdmin().post("/api/v1/privacy/retention-purge").then().statusCode(200).extract().jsonPath().getInt("comments");
        assertTrue(purged >= 1);
        Fixtures.as(moderator.token()).get("/api/v1/comments/" + old).then().statusCode(200)
                .body("moderation.ipHash", nullValue()).body("moderation.userAgent", nullValue())
                .body("moderation.authorEmail", notNullValue());
        Fixtures.as(moderator.token()).get("/api/v1/comments/" + recent).then().statusCode(200)
                .body("moderation.ipHash", notNullValue()).body("moderation.userAgent", notNullValue());
        Fixtures.asAdmin().post("/api/v1/privacy/retention-purge").then().statusCode(200).body("comments", equalTo(0));
    }

    /** Rows, in every text column of every table of the database, that contain {@code needle} (case-insensitive). */
    private long hits(String needle) throws SQLException {
        Set<Integer> text = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR, Types.NCHAR,
                Types.LONGNVARCHAR, Types.NCLOB);
        long found = 0;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || !schema.equalsIgnoreCase("public")) {
                        continue;
                    }
                    if (text.contains(rs.getInt("DATA_TYPE"))) {
                        columns.add(new String[] {schema, rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                    }
                }
            }
            assertTrue(columns.size() > 20, "the search sees the tables: " + columns.size() + " text columns");
            for (String[] col : columns) {
                String sql = "select count(*) from \"" + col[0] + "\".\"" + col[1] + "\" where lower(\"" + col[2] + "\") like ?";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, "%" + needle.toLowerCase() + "%");
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        found += rs.getLong(1);
                    }
                }
            }
        }
        return found;
    }

    private static List<Long> ids(List<Object> values) {
        return values.stream().map(v -> ((Number) v).longValue()).toList();
    }

    private static String stripP(String html) {
        return html.replace("<p>", "").replace("</p>", "");
    }
}
