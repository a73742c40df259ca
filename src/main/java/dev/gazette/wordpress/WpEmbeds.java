package dev.gazette.wordpress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gazette.common.Times;
import dev.gazette.common.web.AnswerKeys;
import dev.gazette.common.web.ContentKeys;
import dev.gazette.media.MediaService;
import dev.gazette.media.MediaView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WordPress' {@code _embed}: the targets of a page of items' embeddable links ({@code author}, {@code replies},
 * {@code up}, {@code wp:featuredmedia}, {@code wp:term}), shown as WordPress shows them in {@code context=embed},
 * under {@code _embedded} in the order of the links. WordPress runs one internal request per link; here each
 * relation is one statement for the whole page (terms come with the items), so a page costs at most four more
 * statements whatever its size. Embedded collections hold what WordPress' would: up to 100 items each.
 */
@ApplicationScoped
class WpEmbeds {

    /** WordPress asks embedded collections for their largest page. */
    static final int COLLECTION = 100;

    static final Set<String> USER = Set.of("id", "name", "url", "description", "link", "slug", "avatar_urls", "_links");
    static final Set<String> COMMENT = Set.of("id", "author", "author_name", "author_url", "date", "content", "link", "parent",
            "type", "author_avatar_urls", "_links");
    static final Set<String> TERM = Set.of("id", "link", "name", "slug", "taxonomy", "_links");
    static final Set<String> MEDIA = Set.of("id", "date", "slug", "type", "link", "title", "author", "featured_media", "caption",
            "alt_text", "media_type", "mime_type", "media_details", "source_url", "_links");
    static final Set<String> POST = Set.of("id", "date", "slug", "type", "link", "title", "excerpt", "author", "featured_media",
            "_links");
    static final Set<String> PAGE = Set.of("id", "date", "slug", "type", "link", "title", "excerpt", "author", "featured_media",
            "_links");

    @Inject
    WpReads reads;

    @Inject
    MediaService media;

    @Inject
    AnswerKeys answer;

    @Inject
    WpPages pages;

    @Inject
    ObjectMapper json;

    /**
     * An item whose links may be embedded: its author, featured image (Gazette's id and the one it answers to
     * here), whether it has terms and replies (posts), and its parent page (pages; 0 for none).
     */
    record Target(long id, long authorId, Long mediaId, Long wpMediaId, boolean post, long parentPage) {
    }

    /** The {@code _embedded} of each item by id (none when nothing is embedded), for {@code embed} (null: no _embed). */
    Map<Long, Map<String, Object>> of(List<Target> items, Map<Long, List<WpReads.PostTerm>> terms, Set<String> embed,
                                      WpService.Urls urls, ZoneId zone) {
        if (embed == null || items.isEmpty()) {
            return Map.of();
        }
        Map<Long, ObjectNode> authors = new HashMap<>();
        if (wants(embed, "author")) {
            Set<Long> ids = new LinkedHashSet<>();
            items.forEach(i -> ids.add(i.authorId()));
            for (WpReads.UserRow u : reads.usersById(ids)) {
                authors.put(u.id(), only(WpService.user(u, urls), USER));
                answer.shows(ContentKeys.author(u.id()));
            }
        }
        Map<Long, List<ObjectNode>> replies = new HashMap<>();
        List<Long> posts = items.stream().filter(Target::post).map(Target::id).toList();
        if (wants(embed, "replies") && !posts.isEmpty()) {
            posts.forEach(id -> answer.shows(ContentKeys.discussion(id)));
            answer.shows(ContentKeys.COMMENT_LISTS);
            for (WpReads.CommentRow c : reads.replies(posts, COLLECTION, Times.now())) {
                replies.computeIfAbsent(c.postId(), id -> new ArrayList<>())
                        .add(only(WpService.comment(c, urls, zone, "approved"), COMMENT));
            }
        }
        Map<Long, ObjectNode> images = new HashMap<>();
        if (wants(embed, "wp:featuredmedia")) {
            Map<Long, Long> wpIds = new HashMap<>();
            items.stream().filter(i -> i.mediaId() != null).forEach(i -> wpIds.put(i.mediaId(), i.wpMediaId()));
            for (MediaView m : media.views(List.copyOf(wpIds.keySet())).values()) {
                images.put(m.id(), only(WpMedia.of(m, wpIds.get(m.id()), urls, zone), MEDIA));
            }
        }
        Map<Long, ObjectNode> parents = new HashMap<>();
        List<Long> parentIds = items.stream().map(Target::parentPage).filter(id -> id != 0).distinct().toList();
        if (wants(embed, "up") && !parentIds.isEmpty()) {
            WpReads.Select s = WpReads.publicPages().where("g.id in (:parentIds)", "parentIds", parentIds);
            s.orderBy = "g.id";
            for (WpReads.PageRow p : reads.pages(s, 0, parentIds.size()).rows()) {
                parents.put(p.id(), only(pages.page(p, urls, zone, null, false), PAGE));
                answer.shows(ContentKeys.page(p.id()));
            }
        }
        Map<Long, Map<String, Object>> embedded = new HashMap<>();
        for (Target item : items) {
            Map<String, Object> e = new LinkedHashMap<>();
            if (authors.containsKey(item.authorId())) {
                e.put("author", List.of(authors.get(item.authorId())));
            }
            if (replies.containsKey(item.id()) && item.post()) {
                e.put("replies", List.of(replies.get(item.id())));
            }
            if (parents.containsKey(item.parentPage())) {
                e.put("up", List.of(parents.get(item.parentPage())));
            }
            if (item.mediaId() != null && images.containsKey(item.mediaId())) {
                e.put("wp:featuredmedia", List.of(images.get(item.mediaId())));
            }
            if (item.post() && wants(embed, "wp:term")) {
                List<ObjectNode> categories = new ArrayList<>();
                List<ObjectNode> tags = new ArrayList<>();
                for (WpReads.PostTerm t : terms.getOrDefault(item.id(), List.of())) {
                    WpReads.TermRow row = new WpReads.TermRow(t.id(), t.slug(), t.name(), null, t.parent(), 0, t.path());
                    if (t.kind() == 0) {
                        categories.add(only(WpService.category(row, urls), TERM));
                    } else {
                        tags.add(only(WpService.tag(row, urls), TERM));
                    }
                }
                if (!categories.isEmpty() || !tags.isEmpty()) {
                    e.put("wp:term", List.of(categories, tags));
                }
            }
            if (!e.isEmpty()) {
                embedded.put(item.id(), e);
            }
        }
        return embedded;
    }

    private static boolean wants(Set<String> embed, String rel) {
        return embed.isEmpty() || embed.contains(rel);
    }

    /** The item as {@code context=embed} shows it: these fields only. */
    ObjectNode only(Object item, Set<String> fields) {
        ObjectNode node = json.valueToTree(item);
        node.retain(fields);
        return node;
    }
}
