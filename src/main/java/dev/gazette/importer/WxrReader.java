package dev.gazette.importer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Streams through a WXR file with StAX, one channel entry at a time: only the current item (with
 * its comments) is in memory. Elements are matched by namespace family, not prefix, so WXR 1.0,
 * 1.1 and 1.2 (http or https namespace URIs) read alike. DTDs and external entities are refused.
 */
public final class WxrReader {

    /** The file is not a WXR export Gazette can read; carries the line and column when the XML is broken. */
    public static final class InvalidWxr extends Exception {
        public InvalidWxr(String message) {
            super(message);
        }
    }

    private static final XMLInputFactory FACTORY = factory();

    private enum Ns { WP, CONTENT, EXCERPT, DC, NONE, OTHER }

    private final XMLStreamReader xml;
    private final Counting counting;
    private final LongConsumer progress;
    private boolean sawVersion;

    private WxrReader(InputStream in, LongConsumer progress) throws XMLStreamException {
        this.counting = new Counting(in);
        this.xml = FACTORY.createXMLStreamReader(counting);
        this.progress = progress;
    }

    /**
     * Reads the whole file, calling the visitor for each entry in file order.
     *
     * @param progress told the bytes read so far, after each item
     * @throws InvalidWxr when the XML is not well-formed (with line and column) or it is not a WXR export
     */
    public static void read(InputStream in, Wxr.Visitor visitor, LongConsumer progress) throws InvalidWxr, IOException {
        try {
            WxrReader reader = new WxrReader(in, progress);
            try {
                reader.document(visitor);
            } finally {
                reader.xml.close();
            }
        } catch (XMLStreamException e) {
            throw new InvalidWxr(describe(e));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new InvalidWxr("The file is not well-formed XML: " + e.getMessage());
        }
    }

    private void document(Wxr.Visitor visitor) throws XMLStreamException, InvalidWxr {
        nextElement();
        if (!"rss".equals(xml.getLocalName())) {
            throw new InvalidWxr("Not a WordPress export: the root element is <" + xml.getLocalName() + ">, not <rss>.");
        }
        while (nextElement() == XMLStreamConstants.START_ELEMENT) {
            if ("channel".equals(xml.getLocalName())) {
                channel(visitor);
            } else {
                skip();
            }
        }
        // the rest of the document must be well-formed too
        while (xml.hasNext()) {
            xml.next();
        }
        if (!sawVersion) {
            throw new InvalidWxr("Not a WordPress export: no <wp:wxr_version> in the channel (WXR 1.0 to 1.2 are supported).");
        }
    }

    private void channel(Wxr.Visitor visitor) throws XMLStreamException, InvalidWxr {
        String version = null;
        String baseSite = null;
        String baseBlog = null;
        String title = null;
        String link = null;
        boolean siteSent = false;
        while (nextElement() == XMLStreamConstants.START_ELEMENT) {
            Ns ns = ns();
            String name = xml.getLocalName();
            if (ns == Ns.WP && name.equals("wxr_version")) {
                version = text().trim();
                if (!version.matches("\\d+\\.\\d+")) {
                    // WordPress's importer refuses the file the same way ("missing/invalid WXR version number")
                    throw new InvalidWxr("Not a WordPress export: invalid WXR version number '" + version
                            + "' in <wp:wxr_version> (WordPress writes 1.0 to 1.2).");
                }
                sawVersion = true;
            } else if (ns == Ns.WP && name.equals("base_site_url")) {
                baseSite = text();
            } else if (ns == Ns.WP && name.equals("base_blog_url")) {
                baseBlog = text();
            } else if (ns == Ns.NONE && name.equals("title")) {
                title = text();
            } else if (ns == Ns.NONE && name.equals("link")) {
                link = text();
            } else {
                if (!siteSent && (ns == Ns.WP || name.equals("item"))) {
                    if (version == null && !name.equals("wxr_version")) {
                        throw new InvalidWxr("Not a WordPress export: <wp:wxr_version> must come before the content (line "
                                + xml.getLocation().getLineNumber() + ").");
                    }
                }
                if (!siteSent && version != null && isContent(ns, name)) {
                    visitor.site(new Wxr.Site(version, baseSite, baseBlog, title, link));
                    siteSent = true;
                }
                if (ns == Ns.WP && name.equals("author")) {
                    Map<String, String> f = fields();
                    visitor.author(new Wxr.Author(f.get("author_login"), f.get("author_email"), f.get("author_display_name"),
                            number(f.get("author_id"))));
                } else if (ns == Ns.WP && name.equals("category")) {
                    Map<String, String> f = fields();
                    visitor.category(new Wxr.Category(f.get("category_nicename"), f.get("category_parent"), f.get("cat_name"),
                            f.get("category_description"), number(f.get("term_id"))));
                } else if (ns == Ns.WP && name.equals("tag")) {
                    Map<String, String> f = fields();
                    visitor.tag(new Wxr.Tag(f.get("tag_slug"), f.get("tag_name"), f.get("tag_description"), number(f.get("term_id"))));
                } else if (ns == Ns.NONE && name.equals("item")) {
                    visitor.item(item());
                    progress.accept(counting.count);
                } else {
                    skip();
                }
            }
        }
        if (!siteSent && version != null) {
            visitor.site(new Wxr.Site(version, baseSite, baseBlog, title, link));
        }
    }

    private static boolean isContent(Ns ns, String name) {
        return (ns == Ns.WP && (name.equals("author") || name.equals("category") || name.equals("tag") || name.equals("term")))
                || (ns == Ns.NONE && name.equals("item"));
    }

    private Wxr.Item item() throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        Map<String, String> f = new LinkedHashMap<>();
        List<Wxr.Term> terms = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        List<Wxr.Comment> comments = new ArrayList<>();
        while (nextElement() == XMLStreamConstants.START_ELEMENT) {
            Ns ns = ns();
            String name = xml.getLocalName();
            if (ns == Ns.NONE && name.equals("category")) {
                String domain = xml.getAttributeValue(null, "domain");
                String nicename = xml.getAttributeValue(null, "nicename");
                terms.add(new Wxr.Term(domain, nicename, text()));
            } else if (ns == Ns.WP && name.equals("postmeta")) {
                Map<String, String> m = fields();
                if (m.get("meta_key") != null) {
                    meta.put(m.get("meta_key"), m.getOrDefault("meta_value", ""));
                }
            } else if (ns == Ns.WP && name.equals("comment")) {
                Map<String, String> c = fields();
                comments.add(new Wxr.Comment(number(c.get("comment_id")), c.get("comment_author"), c.get("comment_author_email"),
                        c.get("comment_author_url"), c.get("comment_author_IP"), c.get("comment_date"), c.get("comment_date_gmt"),
                        c.getOrDefault("comment_content", ""), c.get("comment_approved"), c.get("comment_type"),
                        number(c.get("comment_parent"))));
            } else if (ns == Ns.OTHER) {
                skip();
            } else {
                String key = switch (ns) {
                    case CONTENT -> "content:" + name;
                    case EXCERPT -> "excerpt:" + name;
                    case DC -> "dc:" + name;
                    default -> name;
                };
                f.put(key, text());
            }
        }
        return new Wxr.Item(number(f.get("post_id")), f.getOrDefault("post_type", "post"), f.getOrDefault("title", ""),
                f.get("link"), f.get("dc:creator"), f.getOrDefault("content:encoded", ""), f.getOrDefault("excerpt:encoded", ""),
                f.getOrDefault("status", "publish"), f.get("post_name"), f.get("post_date"), f.get("post_date_gmt"),
                f.get("post_modified"), f.get("post_modified_gmt"), f.get("comment_status"), "1".equals(f.get("is_sticky")), f.get("attachment_url"), terms, meta, comments, line,
                number(f.get("post_parent")), (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number(f.get("menu_order")))),
                f.get("post_password"), f.get("guid"));
    }

    /**
     * The next start or end tag. Unlike {@code nextTag()} it steps over stray text between elements
     * (real exports have it, such as a quote after {@code </wp:is_sticky>}), as WordPress does.
     */
    private int nextElement() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT
                    || event == XMLStreamConstants.END_DOCUMENT) {
                return event;
            }
        }
    }

    /** The leaf children of the current element, by local name; nested elements (commentmeta) are skipped. */
    private Map<String, String> fields() throws XMLStreamException {
        Map<String, String> values = new LinkedHashMap<>();
        while (nextElement() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            if (name.equals("commentmeta") || name.equals("termmeta")) {
                skip();
            } else {
                values.put(name, text());
            }
        }
        return values;
    }

    /** The text of a leaf element: CDATA sections and entities joined as one string. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> text.append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.START_ELEMENT -> skip();
                default -> {
                    // comments and processing instructions carry no text
                }
            }
        }
    }

    /** Skips the current element with everything inside it. */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private Ns ns() {
        String uri = xml.getNamespaceURI();
        if (uri == null || uri.isEmpty()) {
            return Ns.NONE;
        }
        if (uri.contains("wordpress.org/export/") && uri.contains("/excerpt")) {
            return Ns.EXCERPT;
        }
        if (uri.contains("wordpress.org/export/")) {
            return Ns.WP;
        }
        if (uri.equals("http://purl.org/rss/1.0/modules/content/")) {
            return Ns.CONTENT;
        }
        if (uri.equals("http://purl.org/dc/elements/1.1/")) {
            return Ns.DC;
        }
        return Ns.OTHER;
    }

    private static long number(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String describe(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        // the JDK parser prefixes its message with "ParseError at [row,col]:..." and a newline
        int nl = message.indexOf("\nMessage: ");
        if (nl >= 0) {
            message = message.substring(nl + "\nMessage: ".length());
        }
        if (e.getLocation() != null) {
            return "The file is not well-formed XML at line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ": " + message.trim();
        }
        return "The file is not well-formed XML: " + message.trim();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Counts the bytes the parser has taken, for progress. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
