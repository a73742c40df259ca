package dev.gazette.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.enterprise.context.ApplicationScoped;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes a {@link FeedDocument} as RSS 2.0 or Atom 1.0 (ROME, the maintained Java feed library)
 * or JSON Feed 1.1 (Jackson; ROME has no JSON Feed writer).
 */
@ApplicationScoped
class FeedWriter {

    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

    private final ObjectMapper mapper;

    FeedWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    byte[] write(FeedDocument doc, FeedFormat format) {
        return format == FeedFormat.JSON ? json(doc) : xml(doc, format);
    }

    private byte[] xml(FeedDocument doc, FeedFormat format) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(doc.title());
        feed.setDescription(doc.description());
        feed.setLink(doc.homeUrl());
        feed.setUri(doc.feedUrl());
        feed.setPublishedDate(date(doc.updated()));
        feed.setLanguage("en");
        feed.setLinks(List.of(link("alternate", doc.homeUrl()), link("self", doc.feedUrl())));
        if (format == FeedFormat.RSS) {
            // RSS has no link to itself; the Atom namespace's is the recognised one (RSS Best Practices Profile)
            Element self = new Element("link", ATOM);
            self.setAttribute("href", doc.feedUrl());
            self.setAttribute("rel", "self");
            self.setAttribute("type", "application/rss+xml");
            feed.setForeignMarkup(new ArrayList<>(List.of(self)));
        }
        List<SyndEntry> entries = new ArrayList<>();
        for (FeedDocument.Item item : doc.items()) {
            SyndEntry e = new SyndEntryImpl();
            e.setUri(item.id());
            e.setLink(item.url());
            e.setTitle(item.title());
            e.setPublishedDate(date(item.published()));
            e.setUpdatedDate(date(item.updated()));
            if (item.author() != null) {
                e.setAuthor(item.author());
            }
            e.setDescription(content("text/plain", item.summary()));
            if (item.contentHtml() != null) {
                e.setContents(List.of(content("html", item.contentHtml())));
            }
            List<SyndCategory> categories = new ArrayList<>();
            for (FeedDocument.Term term : item.terms()) {
                SyndCategory c = new SyndCategoryImpl();
                c.setName(term.name());
                c.setTaxonomyUri(doc.homeUrl() + "/" + term.scheme());
                categories.add(c);
            }
            e.setCategories(categories);
            if (item.imageUrl() != null) {
                image(e, item.imageUrl(), format);
            }
            if (item.source() != null) {
                SyndFeed source = new SyndFeedImpl();
                source.setTitle(item.source().outlet());
                source.setLink(item.source().url() == null ? doc.homeUrl() : item.source().url());
                source.setUri(item.source().url() == null ? doc.homeUrl() : item.source().url());
                e.setSource(source);
            }
            entries.add(e);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("Feed could not be written", e);
        }
    }

    private byte[] json(FeedDocument doc) {
        List<JsonItem> items = doc.items().stream().map(i -> new JsonItem(i.id(), i.url(), i.title(),
                i.contentHtml() != null ? i.contentHtml() : null,
                i.contentHtml() == null ? i.summary() : null, i.summary(), i.published(), i.updated(),
                i.author() == null ? null : List.of(new JsonAuthor(i.author())),
                i.terms().stream().map(FeedDocument.Term::name).toList(),
                i.source() == null ? null : i.source().url(), i.imageUrl(),
                new JsonExtension(i.source(), i.terms()))).toList();
        JsonFeed feed = new JsonFeed("https://jsonfeed.org/version/1.1", doc.title(), doc.description(), doc.homeUrl(),
                doc.feedUrl(), "en", items);
        try {
            return mapper.writeValueAsBytes(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A post's featured image the standard ways: an enclosure (RSS {@code <enclosure>}, Atom
     * {@code <link rel="enclosure">}; its size is not known, so length 0 as the RSS Best Practices
     * Profile asks) and, in RSS, Media RSS's {@code <media:content medium="image">}, which feed readers
     * use for thumbnails.
     */
    private static void image(SyndEntry e, String url, FeedFormat format) {
        String type = ImageTypes.of(url);
        SyndEnclosure enclosure = new SyndEnclosureImpl();
        enclosure.setUrl(url);
        enclosure.setType(type == null ? "application/octet-stream" : type);
        enclosure.setLength(0);
        e.setEnclosures(List.of(enclosure));
        if (format == FeedFormat.RSS) {
            Element content = new Element("content", MEDIA);
            content.setAttribute("url", url);
            content.setAttribute("medium", "image");
            if (type != null) {
                content.setAttribute("type", type);
            }
            e.setForeignMarkup(new ArrayList<>(List.of(content)));
        }
    }

    private static SyndLink link(String rel, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        return link;
    }

    private static SyndContent content(String type, String value) {
        SyndContent c = new SyndContentImpl();
        c.setType(type);
        c.setValue(value == null ? "" : value);
        return c;
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonFeed(String version, String title, String description, @JsonProperty("home_page_url") String homePageUrl,
                    @JsonProperty("feed_url") String feedUrl, String language, List<JsonItem> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonItem(String id, String url, String title, @JsonProperty("content_html") String contentHtml,
                    @JsonProperty("content_text") String contentText, String summary,
                    @JsonProperty("date_published") Instant datePublished, @JsonProperty("date_modified") Instant dateModified,
                    List<JsonAuthor> authors, List<String> tags, @JsonProperty("external_url") String externalUrl,
                    String image, @JsonProperty("_gazette") JsonExtension gazette) {
    }

    record JsonAuthor(String name) {
    }

    /** JSON Feed extension (a name starting with an underscore): categories and tags by kind, and the source credit of re-published articles. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonExtension(FeedDocument.Source source, List<FeedDocument.Term> terms) {
    }
}
