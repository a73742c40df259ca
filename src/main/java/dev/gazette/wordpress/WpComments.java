package dev.gazette.wordpress;

import dev.gazette.comment.CommentInput;
import dev.gazette.comment.CommentService;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.CommentView;
import dev.gazette.common.persistence.SqlReads;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.FieldError;
import dev.gazette.common.web.IdOrSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /wp/v2/comments}: a visitor's comment, written through Gazette's own {@link CommentService}
 * (spam checks, moderation, duplicates, flooding), answered as WordPress answers: 201 with the comment
 * ({@code status} approved, or hold while it awaits moderation), or WordPress' error codes.
 */
@ApplicationScoped
class WpComments {

    private static final Map<String, String> FIELDS = Map.of("authorName", "author_name", "authorEmail", "author_email",
            "authorUrl", "author_url", "content", "content", "parentId", "parent");

    @Inject
    CommentService comments;

    @Inject
    Validator validator;

    @Inject
    SqlReads sql;

    @Inject
    WpService service;

    record Created(long id, WpJson.Comment comment) {
    }

    Created create(WpJson.CommentInput in, CommentService.Origin origin, WpService.Urls urls) {
        // the post and the parent by the ids they answer to here (WordPress ids of imported ones)
        long wpPost = in.post() == null ? 0 : in.post();
        String[] post = wpPost <= 0 ? null : sql.first("select p.id, p.status, p.slug, " + WpReads.originalLink("POST", "p.id")
                + " from post p where " + WpReads.answersTo("p", "id"), Map.of("id", wpPost),
                r -> new String[]{r.string(1), r.string(2), r.string(3), r.string(4)});
        long postId = post == null ? 0 : Long.parseLong(post[0]);
        String state = post == null ? null : post[1];
        if (state == null) {
            throw new WpError("rest_comment_invalid_post_id", "Sorry, you are not allowed to create this comment without a post.", 403,
                    null);
        }
        if (state.equals("DRAFT")) {
            throw new WpError("rest_comment_draft_post", "Sorry, you are not allowed to create a comment on this post.", 403, null);
        }
        if (state.equals("TRASHED")) {
            throw new WpError("rest_comment_trash_post", "Sorry, you are not allowed to create a comment on this post.", 403, null);
        }
        String content = content(in.content());
        if (content == null || content.isBlank()) {
            throw new WpError("rest_comment_content_invalid", "Invalid comment content.", 400, null);
        }
        if (blank(in.authorName()) || blank(in.authorEmail())) {
            throw new WpError("rest_comment_author_data_required", "Creating a comment requires valid author name and email values.",
                    400, null);
        }
        Long parent = in.parent() == null || in.parent() == 0 ? null : gazetteParent(in.parent());
        CommentInput input = new CommentInput(parent, in.authorName().trim(), in.authorEmail().trim(),
                blank(in.authorUrl()) ? null : in.authorUrl().trim(), content, null);
        Map<String, String> invalid = new LinkedHashMap<>();
        for (ConstraintViolation<CommentInput> v : validator.validate(input)) {
            String field = v.getPropertyPath().toString();
            invalid.put(FIELDS.getOrDefault(field, field), field.equals("authorEmail") ? "Invalid email address."
                    : field.equals("authorUrl") ? "Invalid URL." : FIELDS.getOrDefault(field, field) + " " + v.getMessage() + ".");
        }
        if (!invalid.isEmpty()) {
            throw WpError.invalidParams(invalid);
        }
        CommentView created;
        try {
            created = comments.create(IdOrSlug.parse(Long.toString(postId)), input, origin);
        } catch (ApiException e) {
            throw wordPress(e);
        }
        long wpParent = created.parentId() == null ? 0 : sql.first("select " + WpReads.wpId("c") + " from comment c where c.id = :id",
                Map.of("id", created.parentId()), r -> r.getLong(1));
        // a comment made here answers to its own id (the importer keeps imported ids below Gazette's)
        WpReads.CommentRow row = new WpReads.CommentRow(created.id(), postId, post[2], created.parentId() == null ? 0 : created.parentId(),
                0, created.author().name(), created.author().url(), created.author().avatarHash(), created.contentHtml(),
                created.createdAt(), created.id(), wpPost, wpParent, 0, post[3], null, false);
        String status = created.status() == CommentStatus.APPROVED ? "approved"
                : created.status() == CommentStatus.SPAM ? "spam" : "hold";
        return new Created(created.id(), WpService.comment(row, urls, service.zone(), status));
    }

    /**
     * The Gazette id of the comment answering to this id here; for an id no comment answers to, one no comment
     * has (the id itself may be an imported comment's Gazette id), so the comment service refuses it as it
     * refuses an unknown parent.
     */
    private long gazetteParent(long wpId) {
        Long id = sql.first("select c.id from comment c where " + WpReads.answersTo("c", "id"), Map.of("id", wpId), r -> r.getLong(1));
        return id != null ? id : Long.MAX_VALUE;
    }

    /** Gazette's refusal as WordPress' error for the same case. */
    private static WpError wordPress(ApiException e) {
        return switch (e.status()) {
            case 409 -> new WpError("comment_duplicate", "Duplicate comment detected; it looks as though you&#8217;ve already said that!",
                    409, null);
            // WordPress' REST API answers a flood with 400 (wp_allow_comment says 429, the controller overrides it)
            case 429 -> new WpError("comment_flood", "You are posting comments too quickly. Slow down.", 400, null);
            case 401, 403 -> e.toProblem(null).type().endsWith("post-password-required") || e.toProblem(null).type().endsWith("incorrect-post-password")
                    ? new WpError("rest_cannot_read_post", "Sorry, you are not allowed to read the post for this comment.", 401, null)
                    : new WpError("rest_comment_closed", "Sorry, comments are closed for this item.", 403, null);
            case 404 -> new WpError("rest_comment_invalid_post_id", "Sorry, you are not allowed to create this comment without a post.",
                    403, null);
            default -> {
                Map<String, String> params = new LinkedHashMap<>();
                if (e.toProblem(null).errors() != null) {
                    for (FieldError f : e.toProblem(null).errors()) {
                        if (f.field().equals("content") && f.message().startsWith("must be at most")) {
                            yield new WpError("comment_content_column_length", "Comment field exceeds maximum length allowed.", 400, null);
                        }
                        if (f.field().equals("content")) {
                            yield new WpError("rest_comment_content_invalid", "Invalid comment content.", 400, null);
                        }
                        params.put(FIELDS.getOrDefault(f.field(), f.field()),
                                f.field().equals("parentId") ? "Invalid comment parent." : f.message());
                    }
                }
                yield params.isEmpty() ? new WpError("rest_comment_failed_create", "Creating comment failed.", 400, null)
                        : WpError.invalidParams(params);
            }
        };
    }

    /** WordPress takes the content as a string or as {@code {"raw": ...}}. */
    private static String content(Object content) {
        if (content instanceof String s) {
            return s.trim();
        }
        if (content instanceof Map<?, ?> m && m.get("raw") instanceof String raw) {
            return raw.trim();
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
