package dev.gazette.comment;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.author.Caller;
import dev.gazette.author.Principal;
import dev.gazette.author.Role;
import dev.gazette.comment.identity.Commenter;
import dev.gazette.comment.identity.CommenterRepository;
import dev.gazette.comment.identity.IdTokenVerifier;
import dev.gazette.comment.identity.PrivacyConfig;
import dev.gazette.comment.identity.SignedInCommenter;
import dev.gazette.common.GazetteConfig;
import dev.gazette.common.Times;
import dev.gazette.common.text.Hashes;
import dev.gazette.common.web.ApiException;
import dev.gazette.post.Post;
import dev.gazette.post.PostRepository;
import dev.gazette.sync.ChangeLog;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Commenters' data rights: the export of everything stored about a commenter (their identity,
 * their comments with the posts they are on, their likes, the stored metadata), their erasure, the
 * audit log of both, and the retention purge of IP hashes and user agents. A commenter is the
 * signed-in identity (self-service) or, for an admin, everyone with an email address: the
 * identities with that email and the anonymous comments written with it.
 *
 * <p>Erasure keeps threads intact: a comment is anonymized (name "Deleted"; email, URL, avatar
 * hash, IP hash, user agent, picture and identity removed), or on request removed: deleted when
 * nothing replies to it, otherwise kept as an anonymous "[removed]" node so its replies stay where
 * they are. Counters move with the same relative updates as moderation, so they stay exact.
 */
@ApplicationScoped
public class CommenterData {

    private static final Logger LOG = Logger.getLogger(CommenterData.class);
    static final String REMOVED_CONTENT = "<p>[removed]</p>";
    static final String DELETED_NAME = "Deleted";

    /** What an erasure does to the person's comments. */
    @Schema(name = "ErasureMode", description = "anonymize keeps the comments without anything personal; remove deletes them "
            + "(a comment with replies stays as an anonymous [removed] node so the thread is intact)")
    public enum CommentsMode {
        ANONYMIZE, REMOVE;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Schema(name = "DataExport", description = "Everything Gazette stores about a commenter")
    public record DataExport(
            Instant exportedAt,
            @Schema(description = "The email asked about (admin exports); null for a self-service export", nullable = true) String email,
            @Schema(description = "Signed-in identities") List<IdentityData> identities,
            @Schema(description = "Comments, oldest first, with every stored field") List<CommentData> comments,
            @Schema(description = "Likes given while signed in") List<LikeData> likes) {
    }

    @Schema(name = "DataExportIdentity")
    public record IdentityData(@Schema(example = "17") long id, @Schema(example = "Google") String provider,
                               @Schema(example = "https://accounts.google.com") String issuer,
                               @Schema(example = "110248495921238986420") String subject,
                               @Schema(example = "Ada Lovelace") String name,
                               @Schema(nullable = true) String picture, @Schema(nullable = true) String email,
                               Instant createdAt, Instant lastSeenAt, @Schema(nullable = true) Instant blockedAt) {
    }

    @Schema(name = "DataExportComment")
    public record CommentData(@Schema(example = "1040") long id, @Schema(example = "42") long postId,
                              @Schema(example = "council-approves-harbour-wall-repairs") String postSlug,
                              @Schema(example = "Council approves harbour wall repairs") String postTitle,
                              @Schema(nullable = true) Long parentId, @Schema(example = "approved") CommentStatus status,
                              @Schema(example = "<p>Thanks.</p>") String contentHtml,
                              @Schema(example = "Ada") String authorName, @Schema(nullable = true) String authorEmail,
                              @Schema(nullable = true) String authorUrl, @Schema(nullable = true) String avatarHash,
                              @Schema(nullable = true) String authorPicture, @Schema(nullable = true) String provider,
                              @Schema(nullable = true) Long commenterId,
                              @Schema(description = "Keyed hash of the IP (until the retention purge)", nullable = true) String ipHash,
                              @Schema(nullable = true) String userAgent,
                              Instant createdAt, Instant updatedAt, @Schema(example = "3") int likeCount) {
    }

    @Schema(name = "DataExportLike")
    public record LikeData(@Schema(example = "comment") String target, @Schema(example = "1040") long id, Instant createdAt) {
    }

    @Schema(name = "ErasureInput")
    public record ErasureInput(@Schema(description = "What happens to the comments (default anonymize)", example = "anonymize")
                               CommentsMode comments) {
    }

    @Schema(name = "AdminErasureInput")
    public record AdminErasureInput(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Email @jakarta.validation.constraints.Size(max = 320)
            @Schema(example = "ada@example.com") String email,
            @Schema(description = "What happens to the comments (default anonymize)", example = "remove") CommentsMode comments) {
    }

    @Schema(name = "Erasure", description = "What an erasure did")
    public record ErasureResult(@Schema(example = "anonymize") CommentsMode mode,
                                @Schema(description = "Comments kept without personal data", example = "3") int commentsAnonymized,
                                @Schema(description = "Comments deleted", example = "0") int commentsRemoved,
                                @Schema(description = "Comments kept as [removed] because others replied", example = "0") int commentsKeptForReplies,
                                @Schema(example = "2") int likesRemoved,
                                @Schema(description = "Signed-in identities deleted", example = "1") int identitiesRemoved) {
    }

    @Schema(name = "PrivacyRequest", description = "One entry of the audit log of exports and erasures")
    public record AuditEntry(@Schema(example = "12") long id, @Schema(example = "erasure") String kind,
                             @Schema(description = "self (the signed-in commenter) or author:<id> (an admin)", example = "author:1") String requestedBy,
                             @Schema(description = "HMAC-SHA-256 of the email with the IP hash secret; null when none was known", nullable = true)
                             String subjectHash,
                             @Schema(description = "The identities concerned", example = "17", nullable = true) String commenterIds,
                             @Schema(description = "What was done (JSON)", example = "{\"mode\":\"anonymize\",\"commentsAnonymized\":3}") String outcome,
                             Instant createdAt) {
    }

    @Schema(name = "RetentionPurge")
    public record PurgeResult(@Schema(description = "Comments whose IP hash and user agent were removed", example = "120") int comments,
                              @Schema(description = "Comments written before this lost them") Instant before) {
    }

    /** Whose data: identities and/or an email address. */
    private record Subject(List<Long> commenterIds, String email) {
        boolean isEmpty() {
            return commenterIds.isEmpty() && email == null;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    CommentRepository comments;

    @Inject
    CommenterRepository commenters;

    @Inject
    CommentCounters counters;

    @Inject
    PostRepository posts;

    @Inject
    ChangeLog changes;

    @Inject
    Caller caller;

    @Inject
    SignedInCommenter signedIn;

    @Inject
    GazetteConfig config;

    @Inject
    PrivacyConfig privacy;

    @Inject
    ObjectMapper mapper;

    // ---------------------------------------------------------------- exports

    /** Everything stored about the signed-in commenter. */
    @Transactional
    public DataExport exportMine() {
        SignedInCommenter.Ref me = signedIn.current().orElseThrow(IdTokenVerifier::missing);
        Subject subject = new Subject(List.of(me.id()), null);
        DataExport export = export(subject, null);
        audit("export", "self", me.email(), subject, counts(export));
        return export;
    }

    /** Everything stored about everyone with this email (admins). */
    @Transactional
    public DataExport exportFor(String email) {
        Principal admin = caller.require(Role.ADMIN);
        Subject subject = subject(email);
        DataExport export = export(subject, subject.email());
        audit("export", "author:" + admin.authorId(), subject.email(), subject, counts(export));
        return export;
    }

    private DataExport export(Subject subject, String email) {
        List<Comment> found = commentsOf(subject);
        Map<Long, Post> onPosts = found.isEmpty() ? Map.of()
                : posts.list("id in ?1", found.stream().map(c -> c.postId).distinct().toList()).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<CommentData> commentData = found.stream().sorted(Comparator.comparing((Comment c) -> c.createdAt).thenComparing(c -> c.id))
                .map(c -> {
                    Post p = onPosts.get(c.postId);
                    return new CommentData(c.id, c.postId, p == null ? null : p.slug, p == null ? null : p.title, c.parentId, c.status,
                            c.content, c.authorName, c.authorEmail, c.authorUrl, c.avatarHash, c.authorPicture, c.authorProvider,
                            c.commenterId, c.ipHash, c.userAgent, c.createdAt, c.updatedAt, c.likeCount);
                }).toList();
        List<IdentityData> identities = subject.commenterIds().isEmpty() ? List.of()
                : commenters.list("id in ?1 order by id", subject.commenterIds()).stream()
                .map(c -> new IdentityData(c.id, c.provider, c.issuer, c.subject, c.displayName, c.pictureUrl, c.email, c.createdAt,
                        c.lastSeenAt, c.blockedAt)).toList();
        List<LikeData> likes = new ArrayList<>();
        for (String[] table : new String[][] {{"comment_like", "comment_id", "comment"}, {"post_like", "post_id", "post"}}) {
            for (Object[] row : likesOf(subject, table[0], table[1])) {
                likes.add(new LikeData(table[2], ((Number) row[0]).longValue(), instant(row[1])));
            }
        }
        return new DataExport(Times.now(), email, identities, commentData, likes);
    }

    private static Map<String, Object> counts(DataExport export) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("identities", export.identities().size());
        outcome.put("comments", export.comments().size());
        outcome.put("likes", export.likes().size());
        return outcome;
    }

    // ---------------------------------------------------------------- erasure

    /** Erases the signed-in commenter: their identity, likes and the personal fields of their comments. */
    @Transactional
    public ErasureResult eraseMine(CommentsMode mode) {
        SignedInCommenter.Ref me = signedIn.current().orElseThrow(IdTokenVerifier::missing);
        Subject subject = new Subject(List.of(me.id()), null);
        ErasureResult result = erase(subject, mode == null ? CommentsMode.ANONYMIZE : mode);
        audit("erasure", "self", me.email(), subject, result);
        return result;
    }

    /** Erases everyone with this email (admins). */
    @Transactional
    public ErasureResult eraseFor(String email, CommentsMode mode) {
        Principal admin = caller.require(Role.ADMIN);
        Subject subject = subject(email);
        ErasureResult result = erase(subject, mode == null ? CommentsMode.ANONYMIZE : mode);
        audit("erasure", "author:" + admin.authorId(), subject.email(), subject, result);
        return result;
    }

    private ErasureResult erase(Subject subject, CommentsMode mode) {
        int anonymized = 0;
        int removed = 0;
        int keptForReplies = 0;
        // deepest first: a reply removed before its parent lets the parent go too when nobody else replied
        List<Comment> found = new ArrayList<>(commentsOf(subject));
        found.sort(Comparator.comparingInt((Comment c) -> c.depth).reversed().thenComparing(c -> -c.id));
        Instant now = Times.now();
        for (Comment c : found) {
            if (mode == CommentsMode.REMOVE) {
                if (!hasReplies(c)) {
                    deleteLeaf(c);
                    removed++;
                    continue;
                }
                keptForReplies++;
                c.content = REMOVED_CONTENT;
            } else {
                anonymized++;
            }
            anonymize(c, now);
        }
        int likes = removeLikes(subject);
        int identities = subject.commenterIds().isEmpty() ? 0
                : (int) commenters.delete("id in ?1", subject.commenterIds());
        em.flush();
        return new ErasureResult(mode, anonymized, removed, keptForReplies, likes, identities);
    }

    private boolean hasReplies(Comment c) {
        em.flush();
        return comments.count("parentId", c.id) > 0;
    }

    private void anonymize(Comment c, Instant now) {
        c.authorName = DELETED_NAME;
        c.authorEmail = null;
        c.authorUrl = null;
        c.avatarHash = null;
        c.ipHash = null;
        c.userAgent = null;
        c.authorPicture = null;
        c.authorProvider = null;
        c.commenterId = null;
        c.editKeyHash = null;
        c.moderationNote = null; // it may quote the email ("blocked email ...")
        c.updatedAt = now;
        if (c.status == CommentStatus.APPROVED && onPublicPost(c)) {
            changes.comment(c.id, c.postId, ChangeLog.Action.UPDATED);
        }
    }

    /** Deletes a comment nothing replies to; an approved one leaves the counts of its post and ancestors. */
    private void deleteLeaf(Comment c) {
        if (c.status == CommentStatus.APPROVED) {
            counters.becameInvisible(c);
            if (onPublicPost(c)) {
                changes.comments(c.postId, List.of(c.id), ChangeLog.Action.DELETED);
            }
        }
        comments.delete(c);
    }

    /** The identities' likes, each taken out of its count. */
    private int removeLikes(Subject subject) {
        if (subject.commenterIds().isEmpty()) {
            return 0;
        }
        List<String> keys = keys(subject);
        int removed = 0;
        for (Object[] row : likesOf(subject, "comment_like", "comment_id")) {
            long id = ((Number) row[0]).longValue();
            em.createNativeQuery("update comment set like_count = like_count - 1 where id = :id").setParameter("id", id).executeUpdate();
            comments.findByIdOptional(id).ifPresent(c -> changes.commentLiked(c.id, c.postId));
            removed++;
        }
        for (Object[] row : likesOf(subject, "post_like", "post_id")) {
            long id = ((Number) row[0]).longValue();
            em.createNativeQuery("update post set like_count = like_count - 1 where id = :id").setParameter("id", id).executeUpdate();
            posts.findByIdOptional(id).ifPresent(p -> changes.postLiked(p.id, p.slug));
            removed++;
        }
        em.createNativeQuery("delete from comment_like where liker in (:keys)").setParameter("keys", keys).executeUpdate();
        em.createNativeQuery("delete from post_like where liker in (:keys)").setParameter("keys", keys).executeUpdate();
        return removed;
    }

    // ---------------------------------------------------------------- audit log

    /** The audit log, newest first; {@code before} is the id the previous page ended at. */
    @Transactional
    public List<AuditEntry> auditLog(Long before, int limit) {
        caller.require(Role.ADMIN);
        String where = before == null ? "" : " where id < :before";
        var query = em.createNativeQuery("select id, kind, requested_by, subject_hash, commenter_ids, outcome, created_at"
                + " from privacy_request" + where + " order by id desc").setMaxResults(limit);
        if (before != null) {
            query.setParameter("before", before);
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            entries.add(new AuditEntry(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], instant(r[6])));
        }
        return entries;
    }

    private void audit(String kind, String requestedBy, String email, Subject subject, Object outcome) {
        String json;
        try {
            json = mapper.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            json = "{}";
        }
        em.createNativeQuery("insert into privacy_request (kind, requested_by, subject_hash, commenter_ids, outcome, created_at)"
                        + " values (:kind, :by, :hash, :ids, :outcome, :now)")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("kind", kind).setParameter("by", requestedBy)
                // typed: a null must be bound as text for PostgreSQL
                .setParameter("hash", email == null ? null : Hashes.hmacSha256Hex(config.comments().ipHashSecret(), email), String.class)
                .setParameter("ids", subject.commenterIds().isEmpty() ? null
                        : subject.commenterIds().stream().map(String::valueOf).collect(Collectors.joining(",")), String.class)
                .setParameter("outcome", json).setParameter("now", Times.now()).executeUpdate();
    }

    // ---------------------------------------------------------------- retention

    /** Removes the IP hashes and user agents of comments older than the retention period. */
    @Transactional
    public PurgeResult purgeExpired() {
        Instant before = Times.now().minus(privacy.retention());
        int purged = em.createNativeQuery("update comment set ip_hash = null, user_agent = null"
                        + " where created_at < :before and (ip_hash is not null or user_agent is not null)")
                .setParameter("before", before).executeUpdate();
        return new PurgeResult(purged, before);
    }

    /** An admin runs the retention purge now (it also runs on its own, {@code gazette.comments.privacy.purge-every}). */
    public PurgeResult purgeNow() {
        caller.require(Role.ADMIN);
        return purgeExpired();
    }

    @Scheduled(every = "${gazette.comments.privacy.purge-every:6h}", delayed = "1m", identity = "comment-retention-purge",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        PurgeResult result = purgeExpired();
        if (result.comments() > 0) {
            LOG.infof("Retention: removed IP hashes and user agents of %d comments written before %s", result.comments(), result.before());
        }
    }

    // ---------------------------------------------------------------- helpers

    private Subject subject(String email) {
        String normalized = email == null ? null : email.trim().toLowerCase(Locale.ROOT);
        if (normalized == null || normalized.isEmpty()) {
            throw ApiException.badRequest("email", "is required");
        }
        List<Long> ids = commenters.list("email", normalized).stream().map((Commenter c) -> c.id).toList();
        return new Subject(ids, normalized);
    }

    private List<Comment> commentsOf(Subject subject) {
        if (subject.isEmpty()) {
            return List.of();
        }
        List<String> or = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!subject.commenterIds().isEmpty()) {
            or.add("commenterId in :ids");
            params.put("ids", subject.commenterIds());
        }
        if (subject.email() != null) {
            or.add("authorEmail = :email");
            params.put("email", subject.email());
        }
        return comments.list(String.join(" or ", or), params);
    }

    private List<Object[]> likesOf(Subject subject, String table, String column) {
        if (subject.commenterIds().isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + column + ", created_at from " + table + " where liker in (:keys) order by created_at")
                .setParameter("keys", keys(subject)).getResultList();
        return rows;
    }

    private static List<String> keys(Subject subject) {
        return subject.commenterIds().stream().map(id -> Liker.COMMENTER_PREFIX + id).toList();
    }

    private boolean onPublicPost(Comment c) {
        return posts.findByIdOptional(c.postId).map(p -> p.isPublicAt(Times.now())).orElse(false);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
