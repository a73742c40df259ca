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

    /** Parses namespace-aware: fails on XML that is not well-formed. */
    private static org.w3c.dom.Document dom(String xml) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)));
    }

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String MEDIA = "http://search.yahoo.com/mrss/";

    @Test
    void feedsCarryFeaturedImagesAndRssLinksToItself() throws Exception {
        Fixtures.Actor author = Fixtures.actor("author");
        String image = "https://cdn.example.com/2026/03/harbour-" + unique("i") + ".jpg";
        long pictured = Fixtures.postId(Fixtures.publishedPost(author.token(), "Pictured " + unique("p"),
                Map.of("featuredImageUrl", image, "publishedAt", "2026-03-05T10:00:00Z")));
        long plain = Fixtures.postId(Fixtures.publishedPost(author.token(), "Unpictured " + unique("p"),
                Map.of("publishedAt", "2026-03-04T10:00:00Z")));

        // RSS 2.0: <enclosure> with length and type, media:content, and atom:link rel="self" with the feed's absolute URL
        Response rss = given().queryParam("author", author.slug()).get("/api/v1/feeds/posts.rss");
        rss.then().statusCode(200);
        String rssXml = rss.asString();
        org.w3c.dom.Document doc = dom(rssXml);
        org.w3c.dom.Element channel = (org.w3c.dom.Element) doc.getElementsByTagName("channel").item(0);
        org.w3c.dom.NodeList selfLinks = channel.getElementsByTagNameNS(ATOM, "link");
        assertEquals(1, selfLinks.getLength(), rssXml);
        org.w3c.dom.Element self = (org.w3c.dom.Element) selfLinks.item(0);
        assertEquals(channel, self.getParentNode());
        assertEquals("self", self.getAttribute("rel"));
        assertEquals("application/rss+xml", self.getAttribute("type"));
        java.net.URI selfUrl = java.net.URI.create(self.getAttribute("href"));
        assertTrue(selfUrl.isAbsolute(), selfUrl.toString());
        assertEquals("/api/v1/feeds/posts.rss", selfUrl.getPath());
        assertEquals("author=" + author.slug(), selfUrl.getQuery());

        org.w3c.dom.NodeList items = doc.getElementsByTagName("item");
        assertEquals(2, items.getLength());
        org.w3c.dom.Element first = (org.w3c.dom.Element) items.item(0);
        org.w3c.dom.Element enclosure = (org.w3c.dom.Element) first.getElementsByTagName("enclosure").item(0);
        assertEquals(image, enclosure.getAttribute("url"));
        assertEquals("image/jpeg", enclosure.getAttribute("type"));
        assertEquals("0", enclosure.getAttribute("length"), "size unknown: 0, as the RSS Best Practices Profile asks");
        org.w3c.dom.Element media = (org.w3c.dom.Element) first.getElementsByTagNameNS(MEDIA, "content").item(0);
        assertEquals(image, media.getAttribute("url"));
        assertEquals("image", media.getAttribute("medium"));
        assertEquals("image/jpeg", media.getAttribute("type"));
        org.w3c.dom.Element second = (org.w3c.dom.Element) items.item(1);
        assertEquals(0, second.getElementsByTagName("enclosure").getLength(), "no image, no enclosure");
        assertEquals(0, second.getElementsByTagNameNS(MEDIA, "content").getLength());

        SyndFeed parsed = parse(rssXml);
        assertEquals("rss_2.0", parsed.getFeedType());
        assertEquals(List.of("urn:gazette:post:" + pictured, "urn:gazette:post:" + plain),
                parsed.getEntries().stream().map(SyndEntry::getUri).toList());
        assertEquals(image, parsed.getEntries().get(0).getEnclosures().get(0).getUrl());
        assertEquals("image/jpeg", parsed.getEntries().get(0).getEnclosures().get(0).getType());

        // Atom 1.0: link rel="enclosure" with the type
        String atomXml = given().queryParam("author", author.slug()).get("/api/v1/feeds/posts.atom").then().statusCode(200)
                .extract().asString();
        org.w3c.dom.Document atom = dom(atomXml);
        assertEquals(ATOM, atom.getDocumentElement().getNamespaceURI());
        org.w3c.dom.NodeList entries = atom.getElementsByTagNameNS(ATOM, "entry");
        List<org.w3c.dom.Element> enclosures = new java.util.ArrayList<>();
        org.w3c.dom.NodeList links = ((org.w3c.dom.Element) entries.item(0)).getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < links.getLength(); i++) {
            org.w3c.dom.Element link = (org.w3c.dom.Element) links.item(i);
            if (link.getAttribute("rel").equals("enclosure")) {
                enclosures.add(link);
            }
        }
        assertEquals(1, enclosures.size(), atomXml);
        assertEquals(image, enclosures.get(0).getAttribute("href"));
        assertEquals("image/jpeg", enclosures.get(0).getAttribute("type"));
        SyndFeed parsedAtom = parse(atomXml);
        assertEquals("atom_1.0", parsedAtom.getFeedType());
        assertEquals(image, parsedAtom.getEntries().get(0).getEnclosures().get(0).getUrl());
        assertTrue(parsedAtom.getEntries().get(1).getEnclosures().isEmpty());

        // JSON Feed 1.1: the item's image
        given().queryParam("author", author.slug()).get("/api/v1/feeds/posts.json").then().statusCode(200)
                .body("items[0].image", equalTo(image)).body("items[1].image", org.hamcrest.Matchers.nullValue());
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
        assertTrue(plain.getCategories().stream().anyMatch(c -> c.getName().startsWith("Feeds parent ")));
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
