package dev.gazette.post;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.gazette.common.text.HtmlContent.ContentFormat;
import dev.gazette.common.text.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Create or replace a post (PUT). PATCH is a JSON Merge Patch onto this shape. */
@Schema(name = "PostInput")
public record PostInput(
        @Size(max = 200) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters, digits and single hyphens")
        @Schema(description = "Generated from the title when omitted; kept on later edits unless changed here", example = "council-approves-harbour-wall-repairs-after-winter-storms")
        String slug,
        @NotBlank @Size(max = 500) @Schema(example = "Council approves harbour wall repairs after winter storms") String title,
        @Size(max = 500_000) @Schema(description = "HTML (sanitized on save), Markdown or classic-editor text, see format", example = "<p>Temperatures passed <strong>44 °C</strong> in Seville.</p>")
        String content,
        @Schema(description = "How content is written: html, markdown, or classic (text as written in WordPress's classic editor:"
                + " blank lines make paragraphs, single line breaks become <br>); stored as sanitized HTML either way",
                example = "html", defaultValue = "html")
        ContentFormat format,
        @Size(max = 2000) @Schema(description = "Plain text; generated from the content when omitted", example = "Temperatures passed 44 °C in Seville.")
        String excerpt,
        @Schema(description = "draft (default), published, scheduled (needs a future publishedAt) or trashed", example = "published")
        PostStatus status,
        @Schema(description = "Publication time; in the future with status published or scheduled, the post is scheduled")
        Instant publishedAt,
        @Schema(description = "Author of the post; editors and admins may set another author, authors only themselves", example = "2")
        Long authorId,
        @Size(max = 50) @Schema(description = "Category ids or slugs", example = "[\"environment\", \"local\"]") List<@NotBlank String> categories,
        @Size(max = 100) @Schema(description = "Tag ids or slugs", example = "[\"energy\", \"harbour\"]") List<@NotBlank String> tags,
        @Valid @Schema(description = "Source credit of a re-published article") Source source,
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
        @Schema(example = "https://www.example-times.com/2026/11/24/heatwave") String canonicalUrl,
        @Schema(description = "open (default) or closed", example = "open") Post.CommentStatus commentStatus,
        @Schema(description = "Pinned to the top of the front page; default false", example = "false") Boolean sticky,
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
        @Schema(description = "The post's lead image", example = "https://cdn.example.com/2026/11/seville.jpg") String featuredImageUrl,
        @Schema(description = "Id of a media item (POST /api/v1/media) shown as the post's featured image, with all its sizes",
                example = "12") Long featuredMediaId,
        @Size(max = PostPassword.MAX_LENGTH) @JsonDeserialize(using = PasswordField.class)
        @Schema(description = "Protects the post: readers then see its title and metadata but its content and excerpt only"
                + " with this password in the X-Post-Password header. Write-only (never returned; `protected` says whether"
                + " there is one), stored as a salted PBKDF2 hash. Omitted: the post keeps its password (on PUT too);"
                + " null or \"\": the post is no longer protected.", writeOnly = true, nullable = true, example = "enter")
        String password) {

    /** A post written without a password: a new one is not protected, an existing one keeps its password. */
    public PostInput(String slug, String title, String content, ContentFormat format, String excerpt, PostStatus status,
                     Instant publishedAt, Long authorId, List<String> categories, List<String> tags, Source source,
                     String canonicalUrl, Post.CommentStatus commentStatus, Boolean sticky, String featuredImageUrl,
                     Long featuredMediaId) {
        this(slug, title, content, format, excerpt, status, publishedAt, authorId, categories, tags, source, canonicalUrl,
                commentStatus, sticky, featuredImageUrl, featuredMediaId, null);
    }

    /**
     * Reads {@code password} so that an explicit null (remove the protection) and an absent member (keep the
     * password) differ: null becomes "", absence stays null. Strings pass Gazette's usual text check.
     */
    public static final class PasswordField extends StdDeserializer<String> {

        public PasswordField() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return (String) context.findRootValueDeserializer(context.constructType(String.class)).deserialize(parser, context);
        }

        @Override
        public String getNullValue(DeserializationContext context) {
            return "";
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }

    @Schema(name = "SourceInput")
    public record Source(
            @Size(max = 200) @Schema(example = "Jane Doe") String author,
            @NotBlank @Size(max = 200) @Schema(example = "The Northern Ledger") String outlet,
            @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
            @Schema(example = "https://www.example-times.com/2026/11/24/heatwave") String url,
            @Schema(description = "When the source published it") Instant publishedAt) {
    }
}
