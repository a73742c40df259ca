package dev.gazette.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FeedTest {

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    /** A category with a sub-category, a tag, an author, and three posts: one re-published, one in the sub-category. */
    private record Setup(long parent, long child, long tag, Fixtures.Actor author, long plain, long republished, long inChild) {
    }

    private static Setup setup() {
        long parent = Fixtures.category("Feeds parent " + unique("f"), null);
        long child = Fixtures.category("Feeds child", parent);
        long tag = Fixtures.tag("Feed tag " + unique("t"));
        Fixtures.Actor author = Fixtures.actor("author");
        long plain = Fixtures.postId(Fixtures.publishedPost(author.token(), "Plain " + unique("p"),
                Map.of("categories", List.of(parent), "tags", List.of(tag), "publishedAt", "2026-03-01T10:00:00Z",
                        "content", "<p>Full <strong>body</strong> &amp; more</p>")));
        long republished = Fixtures.postId(Fixtures.publishedPost(author.token(), "Republished " + unique("r"),
                Map.of("categories", List.of(parent), "publishedAt", "2026-03-02T10:00:00Z",
                        "source", Map.of("author", "Jane Doe", "outlet", "The Example Times", "url", "https://example-times.com/story"))));
        long inChild = Fixtures.postId(Fixtures.publishedPost(author.token(), "In child " + unique("c"),
                Map.of("categories", List.of(child), "publishedAt", "2026-03-03T10:00:00Z")));
        return new Setup(parent, child, tag, author, plain, republished, inChild);
    }

    @Test
    void rssFeedParsesWithRequiredElementsAndRfc822Dates() throws Exception {
        Setup s = setup();
        Response r = given().queryParam("category", s.parent()).get("/api/v1/feeds/posts.rss");
        r.then().statusCode(200).contentType(startsWith("application/rss+xml")).header("ETag", startsWith("\""));
        String xml = r.asString();
        SyndFeed feed = parse(xml);
        assertEquals("rss_2.0", feed.getFeedType());
        assertNotNull(feed.getTitle());
        assertNotNull(feed.getLink());
        List<SyndEntry> entries = feed.getEntries();
        assertEquals(List.of("urn:gazette:post:" + s.inChild(), "urn:gazette:post:" + s.republished(), "urn:gazette:post:" + s.plain()),
                entries.stream().map(SyndEntry::getUri).toList(), "newest first, sub-category included");
        SyndEntry plain = entries.get(2);
        assertTrue(plain.getLink().startsWith("http://localhost:8080/posts/plain-"), plain.getLink());
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), plain.getPublishedDate().toInstant());
        assertTrue(plain.getContents().get(0).getValue().contains("<strong>body</strong>"));
        assertTrue(plain.getCategories().stream().anyMatch(c -> c.getName().equals("Feeds parent")));
        assertTrue(plain.getAuthor().startsWith("Test author-"));
        SyndEntry republished = entries.get(1);
        assertEquals("The Example Times", republished.getSource().getTitle());
        // pubDate in RFC 822 form
        Matcher m = Pattern.compile("<pubDate>([^<]+)</pubDate>").matcher(xml);
        assertTrue(m.find());
        ZonedDateTime.parse(m.group(1), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertTrue(xml.contains("<guid isPermaLink=\"false\">urn:gazette:post:"), "a stable guid, not the URL");
    }

    @Test
    void atomFeedParsesWithIdsAndRfc3339Dates() throws Exception {
        Setup s = setup();
        String xml = given().queryParam("tag", s.tag()).get("/api/v1/feeds/posts.atom")
                .then().statusCode(200).contentType(startsWith("application/atom+xml")).extract().asString();
        SyndFeed feed = parse(xml);
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals(1, feed.getEntries().size());
        SyndEntry entry = feed.getEntries().get(0);
        assertEquals("urn:gazette:post:" + s.plain(), entry.getUri());
        assertNotNull(entry.getUpdatedDate());
        Matcher updated = Pattern.compile("<updated>([^<]+)</updated>").matcher(xml);
        assertTrue(updated.find());
        OffsetDateTime.parse(updated.group(1));
        Matcher published = Pattern.compile("<published>([^<]+)</published>").matcher(xml);
        assertTrue(published.find());
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), OffsetDateTime.parse(published.group(1)).toInstant());
        assertTrue(xml.contains("rel=\"self\""), "self link");
    }

    @Test
    void jsonFeedHasTheRequiredFields() {
        Setup s = setup();
        JsonPath json = given().queryParam("author", s.author().slug()).get("/api/v1/feeds/posts.json")
                .then().statusCode(200).contentType(startsWith("application/feed+json")).extract().jsonPath();
        assertEquals("https://jsonfeed.org/version/1.1", json.getString("version"));
        assertNotNull(json.getString("title"));
        assertEquals(3, json.getList("items").size());
        assertEquals("urn:gazette:post:" + s.republished(), json.getString("items[1].id"));
        assertEquals("https://example-times.com/story", json.getString("items[1].external_url"));
        assertEquals("The Example Times", json.getString("items[1]._gazette.source.outlet"));
        assertEquals("2026-03-02T10:00:00Z", json.getString("items[1].date_published"));
        assertNotNull(json.getString("items[1].content_html"));
        given().queryParam("author", s.author().slug()).queryParam("limit", 1).get("/api/v1/feeds/posts.json")
                .then().body("items.size()", equalTo(1));
    }

    @Test
    void commentFeedsAndConditionalRequests() throws Exception {
        long postId = Fixtures.commentablePost();
        String email = Fixtures.knownEmail(postId, Fixtures.actor("moderator"));
        long comment = Fixtures.comment(postId, null, email, "Feed-worthy remark").getLong("id");
        SyndFeed feed = parse(given().queryParam("post", postId).get("/api/v1/feeds/comments.atom").then().statusCode(200)
                .extract().asString());
        assertEquals("urn:gazette:comment:" + comment, feed.getEntries().get(0).getUri());
        assertTrue(feed.getEntries().get(0).getLink().endsWith("#comment-" + comment));
        SyndFeed site = parse(given().get("/api/v1/feeds/comments.rss").then().statusCode(200).extract().asString());
        assertTrue(site.getEntries().stream().anyMatch(e -> e.getUri().equals("urn:gazette:comment:" + comment)));

        String etag = given().get("/api/v1/feeds/posts.rss").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/feeds/posts.rss").then().statusCode(304);
        given().get("/api/v1/feeds/posts.xml").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("limit", 0).get("/api/v1/feeds/posts.rss").then().statusCode(400);
        given().queryParam("category", "no-such-" + unique("c")).get("/api/v1/feeds/posts.atom").then().statusCode(400);
    }
}
