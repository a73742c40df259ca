package dev.gazette.demo;

import dev.gazette.common.Times;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.author.AuthorService;
import dev.gazette.author.AuthorView;
import dev.gazette.author.Caller;
import dev.gazette.author.Principal;
import dev.gazette.comment.CommentInput;
import dev.gazette.comment.CommentService;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.CommentView;
import dev.gazette.comment.LikeService;
import dev.gazette.comment.Liker;
import dev.gazette.common.web.IdOrSlug;
import dev.gazette.author.Role;
import dev.gazette.author.TokenService;
import dev.gazette.common.GazetteConfig;
import dev.gazette.common.text.HtmlContent.ContentFormat;
import dev.gazette.media.MediaService;
import dev.gazette.post.Post;
import dev.gazette.post.PostInput;
import dev.gazette.post.PostRepository;
import dev.gazette.post.PostService;
import dev.gazette.post.PostStatus;
import dev.gazette.taxonomy.CategoryService;
import dev.gazette.taxonomy.CategoryView;
import dev.gazette.taxonomy.TagService;
import dev.gazette.taxonomy.TagView;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads a small demo publication (written for Gazette) into an empty database at start, through
 * the same services the API uses, so a newcomer running {@code ./mvnw quarkus:dev} sees content
 * at once. On in dev mode ({@code gazette.demo.enabled}), off elsewhere.
 */
@ApplicationScoped
public class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class);

    @Inject
    GazetteConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Caller caller;

    @Inject
    TokenService tokens;

    @Inject
    AuthorService authors;

    @Inject
    CategoryService categories;

    @Inject
    TagService tags;

    @Inject
    PostService posts;

    @Inject
    PostRepository postRepository;

    @Inject
    CommentService comments;

    @Inject
    LikeService likes;

    @Inject
    MediaService media;

    /** A JPEG drawn here (sky, sea and a wall), so the demo needs no binary file. */
    private static byte[] demoPicture() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1200, 675, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(0x2b3a67), 0, 400, new java.awt.Color(0xf4a261)));
        g.fillRect(0, 0, 1200, 400);
        g.setPaint(new java.awt.GradientPaint(0, 400, new java.awt.Color(0x1d3557), 0, 675, new java.awt.Color(0x457b9d)));
        g.fillRect(0, 400, 1200, 275);
        g.setColor(new java.awt.Color(0x6c757d));
        g.fillRect(0, 380, 700, 60);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    @ActivateRequestContext
    void load(@Observes @Priority(10) StartupEvent event) throws IOException {
        if (!config.demo().enabled() || postRepository.count() > 0) {
            return;
        }
        Publication demo;
        try (InputStream in = getClass().getResourceAsStream("/demo/publication.json")) {
            demo = mapper.readValue(in, Publication.class);
        }
        Principal admin = tokens.systemAdmin();
        caller.actAs(admin);
        Instant now = Times.now().truncatedTo(ChronoUnit.MINUTES);

        Map<String, Long> authorIds = new HashMap<>();
        for (DemoAuthor a : demo.authors()) {
            AuthorView created = authors.create(new AuthorView.Input(null, a.displayName(), a.email(), a.bio(), null,
                    Role.valueOf(a.role().toUpperCase(Locale.ROOT))));
            authorIds.put(a.key(), created.id());
        }
        Map<String, String> categorySlugs = new HashMap<>();
        Map<String, Long> categoryIds = new HashMap<>();
        for (DemoCategory c : demo.categories()) {
            CategoryView created = categories.create(new CategoryView.Input(null, c.name(), c.description(),
                    c.parent() == null ? null : categoryIds.get(c.parent())));
            categoryIds.put(c.key(), created.id());
            categorySlugs.put(c.key(), created.slug());
        }
        Map<String, String> tagSlugs = new HashMap<>();
        for (String name : demo.tags()) {
            tagSlugs.put(name, tags.create(new TagView.Input(null, name, null)).slug());
        }
        // one picture in the media library (id 1 in a new database), the first post's featured image
        long picture = media.create(new MediaService.Upload(demoPicture(), "harbour-wall.jpg", "The harbour wall at dusk",
                "Waves breaking over the harbour wall at dusk", "The harbour wall after the winter storms", null),
                admin.authorId()).id();
        boolean first = true;
        for (DemoPost p : demo.posts()) {
            Instant publishedAt = p.draft() ? null : now.minus(Duration.ofDays(p.daysAgo())).minus(Duration.ofHours(p.title().length() % 9));
            PostStatus status = p.draft() ? PostStatus.DRAFT : publishedAt.isAfter(now) ? PostStatus.SCHEDULED : PostStatus.PUBLISHED;
            PostInput.Source source = p.source() == null ? null : new PostInput.Source(p.source().author(), p.source().outlet(),
                    p.source().url(), now.minus(Duration.ofDays(p.source().daysAgo())));
            posts.create(new PostInput(null, p.title(), p.content(), ContentFormat.MARKDOWN, null, status, publishedAt,
                    authorIds.get(p.author()),
                    p.categories().stream().map(categorySlugs::get).toList(),
                    p.tags().stream().map(tagSlugs::get).toList(),
                    source, source == null ? null : source.url(), Post.CommentStatus.OPEN, p.sticky(), null,
                    first ? picture : null));
            first = false;
        }
        List<Long> postIds = postRepository.list("order by id").stream().map(p -> p.id).toList();
        Map<String, Long> commentIds = new HashMap<>();
        for (DemoComment c : demo.comments()) {
            IdOrSlug post = IdOrSlug.parse(postIds.get(c.post()).toString());
            Long parent = c.parent() == null ? null : commentIds.get(c.parent());
            CommentView created;
            if (c.author() != null) {
                // written by a staff member with their own account
                caller.actAs(new Principal(authorIds.get(c.author()), Role.AUTHOR, 0));
                created = comments.create(post, new CommentInput(parent, null, null, null, c.content(), null), DEMO_ORIGIN);
            } else {
                caller.actAsAnonymous();
                created = comments.create(post, new CommentInput(parent, c.name(), c.email(), null, c.content(), null), DEMO_ORIGIN);
            }
            caller.actAs(admin);
            if (created.status() != CommentStatus.APPROVED) {
                comments.moderate(created.id(), CommentService.Action.APPROVE);
            }
            commentIds.put(c.key(), created.id());
            for (int i = 0; i < c.likes(); i++) {
                likes.likeComment(created.id(), new Liker("v:demo-reader-" + i), true);
            }
        }
        LOG.infof("Loaded the demo publication: %d authors, %d categories, %d tags, %d posts, %d comments",
                demo.authors().size(), demo.categories().size(), demo.tags().size(), demo.posts().size(), demo.comments().size());
    }

    private static final CommentService.Origin DEMO_ORIGIN = new CommentService.Origin(null, "Gazette demo", null);

    record Publication(List<DemoAuthor> authors, List<DemoCategory> categories, List<String> tags, List<DemoPost> posts,
                       List<DemoComment> comments) {
    }

    /** A comment on the post at index {@code post}; {@code author} names a staff member instead of a reader. */
    record DemoComment(String key, int post, String parent, String name, String email, String author, int likes,
                       String content) {
    }

    record DemoAuthor(String key, String displayName, String role, String email, String bio) {
    }

    record DemoCategory(String key, String name, String parent, String description) {
    }

    record DemoPost(String author, int daysAgo, boolean draft, boolean sticky, String title, List<String> categories,
                    List<String> tags, DemoSource source, String content) {
    }

    record DemoSource(String author, String outlet, String url, int daysAgo) {
    }
}
