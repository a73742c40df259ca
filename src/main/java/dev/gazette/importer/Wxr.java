package dev.gazette.importer;

import java.util.List;
import java.util.Map;

/** The parts of a WordPress eXtended RSS export Gazette reads, as they stand in the file. */
public final class Wxr {

    private Wxr() {
    }

    /** The channel's own data. */
    public record Site(String wxrVersion, String baseSiteUrl, String baseBlogUrl, String title, String link) {

        /** What identifies the site across exports: the blog URL, else the site URL, else the link. */
        public String key() {
            String url = baseBlogUrl != null && !baseBlogUrl.isBlank() ? baseBlogUrl
                    : baseSiteUrl != null && !baseSiteUrl.isBlank() ? baseSiteUrl : link;
            return url == null ? "" : url.trim().replaceAll("/+$", "");
        }
    }

    /** An author; {@code id} its WordPress user id (0 when the file does not say). */
    public record Author(String login, String email, String displayName, long id) {
    }

    /** A category; {@code termId} its WordPress term id (0 when the file does not say). */
    public record Category(String nicename, String parent, String name, String description, long termId) {
    }

    /** A tag; {@code termId} its WordPress term id (0 when the file does not say). */
    public record Tag(String slug, String name, String description, long termId) {
    }

    /** A category or tag named on an item: {@code domain} is "category" or "post_tag". */
    public record Term(String domain, String nicename, String name) {
    }

    public record Comment(long id, String author, String email, String url, String ip, String dateLocal, String dateGmt,
                          String content, String approved, String type, long parent) {
    }

    /**
     * An {@code <item>}: a post, page, attachment, menu item, ... {@code password} is its {@code wp:post_password}
     * (WordPress exports it in clear), null or empty when it is not protected.
     */
    public record Item(long postId, String type, String title, String link, String creator, String content, String excerpt,
                       String status, String postName, String dateLocal, String dateGmt, String modifiedLocal,
                       String modifiedGmt, String commentStatus,
                       boolean sticky, String attachmentUrl, List<Term> terms, Map<String, String> meta,
                       List<Comment> comments, int line, long parent, int menuOrder, String password, String guid) {
    }

    /** What a reader hands over as it streams through the file. */
    public interface Visitor {
        default void site(Site site) {
        }

        default void author(Author author) {
        }

        default void category(Category category) {
        }

        default void tag(Tag tag) {
        }

        default void item(Item item) {
        }
    }
}
