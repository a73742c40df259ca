package dev.gazette.wordpress;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The answers of {@code /wp-json/wp/v2}, field for field as WordPress writes them in {@code context=view}
 * (snake_case, dates without a zone, rendered strings in objects, {@code _links} in HAL).
 */
public final class WpJson {

    private WpJson() {
    }

    /** HAL links by relation, as WordPress writes them: each relation a list of link objects. */
    @Schema(name = "WpLinks", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
            description = "Links by relation (self, collection, about, author, replies, wp:term, up, ...), each a list of"
                    + " {href, embeddable?, taxonomy?, ...}",
            example = "{\"self\": [{\"href\": \"http://localhost:8080/wp-json/wp/v2/posts/42\"}]}")
    public interface Links {
    }

    @Schema(name = "WpRendered")
    public record Rendered(@Schema(example = "Council approves harbour&#8217;s repairs") String rendered) {
    }

    @Schema(name = "WpRenderedProtected")
    public record RenderedProtected(@Schema(example = "<p>The council voted&#8230;</p>\n") String rendered,
                                    @JsonProperty("protected") @Schema(example = "false") boolean isProtected) {
    }

    @Schema(name = "WpPost", description = "A post as WordPress' /wp/v2/posts returns it in context=view")
    public record Post(
            @Schema(description = "Its WordPress id when imported from WordPress, else its Gazette id", example = "42") long id,
            @Schema(description = "Publication time in the site's time zone", example = "2026-11-20T10:00:00") String date,
            @JsonProperty("date_gmt") @Schema(example = "2026-11-20T09:00:00") String dateGmt,
            Rendered guid,
            @Schema(example = "2026-11-21T08:30:00") String modified,
            @JsonProperty("modified_gmt") @Schema(example = "2026-11-21T07:30:00") String modifiedGmt,
            @Schema(example = "council-approves-harbour-wall-repairs") String slug,
            @Schema(example = "publish") String status,
            @Schema(example = "post") String type,
            @Schema(description = "The public URL (gazette.site.post-url); for a post imported from WordPress its permalink there",
                    example = "http://localhost:8080/posts/council-approves-harbour-wall-repairs") String link,
            Rendered title,
            RenderedProtected content,
            RenderedProtected excerpt,
            @Schema(example = "3") long author,
            @JsonProperty("featured_media") @Schema(example = "0") long featuredMedia,
            @JsonProperty("comment_status") @Schema(example = "open") String commentStatus,
            @JsonProperty("ping_status") @Schema(example = "closed") String pingStatus,
            @Schema(example = "false") boolean sticky,
            @Schema(example = "") String template,
            @Schema(example = "standard") String format,
            @Schema(example = "{\"footnotes\": \"\"}") Map<String, String> meta,
            @Schema(example = "[4]") List<Long> categories,
            @Schema(example = "[7, 9]") List<Long> tags,
            @JsonProperty("class_list") @Schema(example = "[\"post-42\", \"post\", \"type-post\", \"status-publish\"]")
            List<String> classList,
            @JsonProperty("_links") @Schema(implementation = Links.class) Map<String, List<Map<String, Object>>> links,
            @JsonProperty("_embedded") @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(implementation = Embedded.class)
            Map<String, Object> embedded) {
    }

    /** What {@code _embed} adds: each embeddable link's target by relation, in the order of the links. */
    @Schema(name = "WpEmbedded", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
            description = "With _embed: the targets of the embeddable links by relation (author: [user], replies: [[comments]],"
                    + " wp:featuredmedia: [media], wp:term: [[categories], [tags]], up: [parent page]), in context=embed",
            example = "{\"author\": [{\"id\": 3, \"name\": \"Maria Lopez\"}], \"wp:term\": [[{\"id\": 4, \"name\": \"News\"}], []]}")
    public interface Embedded {
    }

    @Schema(name = "WpPage", description = "A page as WordPress' /wp/v2/pages returns it in context=view")
    public record Page(
            @Schema(description = "Its WordPress id when imported from WordPress, else its Gazette id", example = "7") long id,
            @Schema(example = "2026-11-20T10:00:00") String date,
            @JsonProperty("date_gmt") @Schema(example = "2026-11-20T09:00:00") String dateGmt,
            Rendered guid,
            @Schema(example = "2026-11-21T08:30:00") String modified,
            @JsonProperty("modified_gmt") @Schema(example = "2026-11-21T07:30:00") String modifiedGmt,
            @Schema(example = "team") String slug,
            @Schema(example = "publish") String status,
            @Schema(example = "page") String type,
            @Schema(example = "http://localhost:8080/about/team/") String link,
            Rendered title,
            RenderedProtected content,
            RenderedProtected excerpt,
            @Schema(example = "3") long author,
            @JsonProperty("featured_media") @Schema(example = "0") long featuredMedia,
            @Schema(description = "The parent page's id, 0 at the top", example = "2") long parent,
            @JsonProperty("menu_order") @Schema(example = "0") int menuOrder,
            @JsonProperty("comment_status") @Schema(example = "closed") String commentStatus,
            @JsonProperty("ping_status") @Schema(example = "closed") String pingStatus,
            @Schema(example = "") String template,
            @Schema(example = "{\"footnotes\": \"\"}") Map<String, String> meta,
            @JsonProperty("class_list") @Schema(example = "[\"post-7\", \"page\", \"type-page\", \"status-publish\"]")
            List<String> classList,
            @JsonProperty("_links") @Schema(implementation = Links.class) Map<String, List<Map<String, Object>>> links,
            @JsonProperty("_embedded") @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(implementation = Embedded.class)
            Map<String, Object> embedded) {
    }

    @Schema(name = "WpMedia", description = "A media item as WordPress' /wp/v2/media returns an attachment in context=view")
    public record Media(
            @Schema(description = "Its WordPress id when imported from WordPress, else its Gazette id", example = "12") long id,
            @Schema(example = "2026-11-20T10:00:00") String date,
            @JsonProperty("date_gmt") @Schema(example = "2026-11-20T09:00:00") String dateGmt,
            Rendered guid,
            @Schema(example = "2026-11-21T08:30:00") String modified,
            @JsonProperty("modified_gmt") @Schema(example = "2026-11-21T07:30:00") String modifiedGmt,
            @Schema(example = "harbour-wall") String slug,
            @Schema(example = "inherit") String status,
            @Schema(example = "attachment") String type,
            @Schema(example = "http://localhost:8080/?attachment_id=12") String link,
            Rendered title,
            @Schema(example = "3") long author,
            @JsonProperty("featured_media") @Schema(example = "0") long featuredMedia,
            @JsonProperty("comment_status") @Schema(example = "open") String commentStatus,
            @JsonProperty("ping_status") @Schema(example = "closed") String pingStatus,
            @Schema(example = "") String template,
            @Schema(example = "[]") List<Object> meta,
            @JsonProperty("class_list") @Schema(example = "[\"post-12\", \"attachment\", \"type-attachment\", \"status-inherit\"]")
            List<String> classList,
            Rendered description,
            Rendered caption,
            @JsonProperty("alt_text") @Schema(example = "Waves breaking over the harbour wall") String altText,
            @JsonProperty("media_type") @Schema(description = "image, or file for anything else", example = "image") String mediaType,
            @JsonProperty("mime_type") @Schema(example = "image/jpeg") String mimeType,
            @JsonProperty("media_details") @Schema(oneOf = {MediaDetails.class, NoMediaDetails.class},
                    description = "Dimensions, file and sizes; {} when no file is stored (as WordPress without metadata)") Object mediaDetails,
            @Schema(description = "The post it is attached to (Gazette keeps none)", nullable = true, example = "null") Long post,
            @JsonProperty("source_url") @Schema(example = "http://localhost:8080/media/12/full.jpg") String sourceUrl,
            @Schema(nullable = true, example = "harbour-wall.jpg") String filename,
            @Schema(nullable = true, example = "482113") Long filesize,
            @JsonProperty("_links") @Schema(implementation = Links.class) Map<String, List<Map<String, Object>>> links) {
    }

    @Schema(name = "WpMediaDetails", description = "Dimensions, file and sizes of an image")
    public record MediaDetails(
            @Schema(nullable = true, example = "2048") Integer width,
            @Schema(nullable = true, example = "1365") Integer height,
            @Schema(description = "The uploaded file's name (the stored file's when it had none)", example = "harbour-wall.jpg") String file,
            @Schema(nullable = true, example = "482113") Long filesize,
            @Schema(description = "Each size by name (thumbnail, medium, large, full)") Map<String, MediaSize> sizes,
            @JsonProperty("image_meta") @Schema(example = "{}") Map<String, Object> imageMeta) {
    }

    /** What WordPress sends as {@code media_details} for an attachment without metadata: an empty object. */
    @Schema(name = "WpNoMediaDetails", description = "No file is stored: an empty object", maxProperties = 0, example = "{}")
    public record NoMediaDetails() {
    }

    @Schema(name = "WpMediaSize")
    public record MediaSize(
            @Schema(example = "medium.jpg") String file,
            @Schema(example = "300") int width,
            @Schema(example = "200") int height,
            @JsonProperty("mime_type") @Schema(example = "image/jpeg") String mimeType,
            @JsonProperty("source_url") @Schema(example = "http://localhost:8080/media/12/medium.jpg") String sourceUrl) {
    }

    @Schema(name = "WpSearchResult", description = "A search result as WordPress' /wp/v2/search returns it")
    public record SearchResult(
            @Schema(example = "42") long id,
            @Schema(example = "Council approves harbour repairs") String title,
            @Schema(example = "http://localhost:8080/posts/council-approves-harbour-repairs") String url,
            @Schema(description = "post for posts and pages; a term's taxonomy (category, post_tag) for terms", example = "post") String type,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "post or page (posts and pages only)", example = "post") String subtype,
            @JsonProperty("_links") @Schema(implementation = Links.class) Map<String, List<Map<String, Object>>> links,
            @JsonProperty("_embedded") @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(implementation = Embedded.class)
            Map<String, Object> embedded) {
    }

    @Schema(name = "WpCommentInput", description = "A visitor's comment, as WordPress' POST /wp/v2/comments takes it (JSON or form)")
    public record CommentInput(
            @Schema(description = "The post commented on", example = "42") Long post,
            @Schema(description = "The comment replied to (0: none)", example = "0") Long parent,
            @JsonProperty("author_name") @Schema(example = "Sam Reader") String authorName,
            @JsonProperty("author_email") @Schema(description = "Never shown publicly", example = "sam@example.com") String authorEmail,
            @JsonProperty("author_url") @Schema(example = "https://sam.example") String authorUrl,
            @Schema(description = "The text (WordPress also takes {\"raw\": ...})", example = "Thanks for the update.") Object content) {
    }

    @Schema(name = "WpCategory", description = "A category as WordPress' /wp/v2/categories returns it")
    public record Category(
            @Schema(description = "Its WordPress id when imported from WordPress, else its Gazette id", example = "4") long id,
            @Schema(description = "Published posts filed under this term", example = "12") long count,
            @Schema(example = "") String description,
            @Schema(example = "http://localhost:8080/category/news/") String link,
            @Schema(example = "News") String name,
            @Schema(example = "news") String slug,
            @Schema(example = "category") String taxonomy,
            @Schema(description = "The parent category's id, 0 at the top", example = "0") long parent,
            @Schema(example = "[]") List<Object> meta,
            @JsonProperty("_links") @Schema(implementation = Links.class) Map<String, List<Map<String, Object>>> links) {
    }

    @Schema(name = "WpTag", description = "A tag as WordPress' /wp/v2/tags returns it")
    public record Tag(
            @Schema(description = "Its WordPress id when imported from WordPress, else its Gazette id", example = "7") long id,
            @Schema(description = "Published posts with this tag", example = "5") long count,
            @Schema(example = "") String description,
            @Schema(example = "http://localhost:8080/tag/harbour/") String link,
            @Schema(example = "Harbour") String name,
            @Schema(example = "harbour") String slug,
            @Schema(example = "post_tag") String taxonomy,
            @Schema(example = "[]") List<Object> meta,
            @JsonProperty("_links") @Schema(implementation = Links.class) Map<String, List<Map<String, Object>>> links) {
    }

    @Schema(name = "WpUser", description = "An author as WordPress' /wp/v2/users returns a user to anonymous callers")
    public record User(
            @Schema(description = "Its WordPress id when imported from WordPress, else its Gazette id", example = "3") long id,
            @Schema(example = "Maria Lopez") String name,
            @Schema(example = "") String url,
            @Schema(example = "Covers the harbour and the council.") String description,
            @Schema(example = "http://localhost:8080/author/maria-lopez/") String link,
            @Schema(example = "maria-lopez") String slug,
            @JsonProperty("avatar_urls") @Schema(example = "{\"24\": \"https://secure.gravatar.com/avatar/...?s=24&d=mm&r=g\"}")
            Map<String, String> avatarUrls,
            @Schema(example = "[]") List<Object> meta,
            @JsonProperty("_links") @Schema(implementation = Links.class) Map<String, List<Map<String, Object>>> links) {
    }

    @Schema(name = "WpComment", description = "An approved comment as WordPress' /wp/v2/comments returns it")
    public record Comment(
            @Schema(description = "Its WordPress id when imported from WordPress, else its Gazette id", example = "88") long id,
            @Schema(example = "42") long post,
            @Schema(example = "0") long parent,
            @Schema(description = "The commenter's user id, 0 for a visitor", example = "0") long author,
            @JsonProperty("author_name") @Schema(example = "Sam Reader") String authorName,
            @JsonProperty("author_url") @Schema(example = "") String authorUrl,
            @Schema(example = "2026-11-20T11:15:00") String date,
            @JsonProperty("date_gmt") @Schema(example = "2026-11-20T10:15:00") String dateGmt,
            Rendered content,
            @Schema(example = "http://localhost:8080/posts/council-approves-harbour-wall-repairs#comment-88") String link,
            @Schema(example = "approved") String status,
            @Schema(example = "comment") String type,
            @JsonProperty("author_avatar_urls") @Schema(example = "{\"24\": \"https://secure.gravatar.com/avatar/...?s=24&d=mm&r=g\"}")
            Map<String, String> authorAvatarUrls,
            @Schema(example = "[]") List<Object> meta,
            @JsonProperty("_links") @Schema(implementation = Links.class) Map<String, List<Map<String, Object>>> links) {
    }
}
