package dev.gazette.comment;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.PageInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Comment answers as JSON, written field by field on the application's own generator: the same
 * bytes the {@link ObjectMapper} writes for these records (field order, every field with null when absent, escaping,
 * ISO-8601 instants), without reflection per field and without a {@code DateTimeFormatter} per
 * timestamp, which made most of the time of a whole discussion (~3,800 nodes, 2 MB).
 *
 * <p>It knows the components of {@link CommentView} and its parts; when a record gains or loses one
 * it stops being used (every answer goes through the mapper again) and says so in the log.
 */
@ApplicationScoped
class CommentJson {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CommentJson.class);
    /** The records this writer knows, with their components in declaration (= JSON) order. */
    private static final boolean KNOWS_THE_RECORDS = knows(CommentView.class, "id", "postId", "parentId", "depth", "author",
            "contentHtml", "status", "createdAt", "updatedAt", "likeCount", "likedByMe", "replyCount", "descendantCount", "replies",
            "moreReplies", "moderation", "editKey", "editableUntil")
            & knows(CommentView.CommentAuthor.class, "name", "url", "avatarHash", "authorId", "picture", "provider", "commenterId")
            & knows(CommentView.MoreReplies.class, "remaining", "href")
            & knows(CommentView.Moderation.class, "authorEmail", "ipHash", "userAgent", "reason")
            & knows(ListPage.class, "items", "page")
            & knows(PageInfo.class, "limit", "next", "prev", "total");

    private final ObjectWriter writer;
    private final ObjectMapper mapper;

    @Inject
    CommentJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.writer = mapper.writer();
    }

    /** A page of comments (a tree page, replies, a flat list). */
    byte[] page(ListPage<CommentView> page) {
        if (!KNOWS_THE_RECORDS) {
            return viaMapper(page);
        }
        return write(g -> {
            g.writeStartObject();
            g.writeFieldName("items");
            g.writeStartArray();
            char[] time = new char[32];
            for (CommentView item : page.items()) {
                comment(g, item, time);
            }
            g.writeEndArray();
            PageInfo info = page.page();
            g.writeFieldName("page");
            if (info == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeNumberField("limit", info.limit());
                g.writeStringField("next", info.next());
                g.writeStringField("prev", info.prev());
                g.writeNumberField("total", info.total());
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    /** One comment (with its replies, in a thread). */
    byte[] one(CommentView comment) {
        if (!KNOWS_THE_RECORDS) {
            return viaMapper(comment);
        }
        return write(g -> comment(g, comment, new char[32]));
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private byte[] write(Body body) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(16_000)) {
            try (JsonGenerator g = writer.createGenerator(out, JsonEncoding.UTF8)) {
                body.write(g);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] viaMapper(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void comment(JsonGenerator g, CommentView c, char[] time) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", c.id());
        g.writeNumberField("postId", c.postId());
        longField(g, "parentId", c.parentId());
        g.writeNumberField("depth", c.depth());
        CommentView.CommentAuthor author = c.author();
        g.writeFieldName("author");
        if (author == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringField("name", author.name());
            g.writeStringField("url", author.url());
            g.writeStringField("avatarHash", author.avatarHash());
            longField(g, "authorId", author.authorId());
            g.writeStringField("picture", author.picture());
            g.writeStringField("provider", author.provider());
            longField(g, "commenterId", author.commenterId());
            g.writeEndObject();
        }
        g.writeStringField("contentHtml", c.contentHtml());
        g.writeStringField("status", c.status() == null ? null : c.status().json());
        instantField(g, "createdAt", c.createdAt(), time);
        instantField(g, "updatedAt", c.updatedAt(), time);
        g.writeNumberField("likeCount", c.likeCount());
        g.writeFieldName("likedByMe");
        if (c.likedByMe() == null) {
            g.writeNull();
        } else {
            g.writeBoolean(c.likedByMe());
        }
        g.writeNumberField("replyCount", c.replyCount());
        g.writeNumberField("descendantCount", c.descendantCount());
        List<CommentView> replies = c.replies();
        g.writeFieldName("replies");
        if (replies == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (CommentView reply : replies) {
                comment(g, reply, time);
            }
            g.writeEndArray();
        }
        CommentView.MoreReplies more = c.moreReplies();
        g.writeFieldName("moreReplies");
        if (more == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("remaining", more.remaining());
            g.writeStringField("href", more.href());
            g.writeEndObject();
        }
        CommentView.Moderation moderation = c.moderation();
        g.writeFieldName("moderation");
        if (moderation == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringField("authorEmail", moderation.authorEmail());
            g.writeStringField("ipHash", moderation.ipHash());
            g.writeStringField("userAgent", moderation.userAgent());
            g.writeStringField("reason", moderation.reason());
            g.writeEndObject();
        }
        g.writeStringField("editKey", c.editKey());
        instantField(g, "editableUntil", c.editableUntil(), time);
        g.writeEndObject();
    }

    /** A number, or null: every declared field is written (see README, "null fields"). */
    private static void longField(JsonGenerator g, String name, Long value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.longValue());
        }
    }

    private static void instantField(JsonGenerator g, String name, Instant value, char[] buffer) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            int length = iso(value, buffer);
            if (length < 0) {
                g.writeString(value.toString());
            } else {
                g.writeString(buffer, 0, length);
            }
        }
    }

    /** Latest instant written without the JDK's formatter: 9999-12-31T23:59:59.999999999Z. */
    private static final long LAST_FOUR_DIGIT_YEAR = 253_402_300_799L;

    /**
     * Writes {@code t} as {@link Instant#toString()} does (ISO-8601, seconds always, the fraction
     * in groups of three digits only when there is one) into {@code out} and returns the length;
     * -1 outside the years 1970 to 9999, which are left to the JDK.
     */
    static int iso(Instant t, char[] out) {
        long seconds = t.getEpochSecond();
        if (seconds < 0 || seconds > LAST_FOUR_DIGIT_YEAR) {
            return -1;
        }
        long days = seconds / 86_400;
        int secondOfDay = (int) (seconds - days * 86_400);
        LocalDate date = LocalDate.ofEpochDay(days);
        int i = digits(out, 0, date.getYear(), 4);
        out[i++] = '-';
        i = digits(out, i, date.getMonthValue(), 2);
        out[i++] = '-';
        i = digits(out, i, date.getDayOfMonth(), 2);
        out[i++] = 'T';
        i = digits(out, i, secondOfDay / 3600, 2);
        out[i++] = ':';
        i = digits(out, i, secondOfDay / 60 % 60, 2);
        out[i++] = ':';
        i = digits(out, i, secondOfDay % 60, 2);
        int nano = t.getNano();
        if (nano > 0) {
            out[i++] = '.';
            if (nano % 1_000_000 == 0) {
                i = digits(out, i, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                i = digits(out, i, nano / 1000, 6);
            } else {
                i = digits(out, i, nano, 9);
            }
        }
        out[i++] = 'Z';
        return i;
    }

    /** {@code value} zero-padded to {@code width} digits at {@code at}; returns the index after them. */
    private static int digits(char[] out, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            out[k] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    private static boolean knows(Class<?> type, String... components) {
        RecordComponent[] actual = type.getRecordComponents();
        String[] names = actual == null ? new String[0] : Arrays.stream(actual).map(RecordComponent::getName).toArray(String[]::new);
        if (!Arrays.equals(names, components)) {
            LOG.warnf("%s has the components %s, not the ones CommentJson writes (%s): comment answers go through the"
                    + " ObjectMapper until CommentJson is updated", type.getSimpleName(), Arrays.toString(names), Arrays.toString(components));
            return false;
        }
        return true;
    }
}
