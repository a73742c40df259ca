package dev.gazette.resolve;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;

/** What a path of the site (or of the WordPress site it came from) shows now. */
@Schema(name = "Resolved")
public record ResolveView(
        @Schema(description = "post or page", example = "post") OldLinks.Kind type,
        @Schema(example = "42") long id,
        @Schema(example = "council-approves-harbour-wall-repairs-after-winter-storms") String slug,
        @Schema(description = "For a page, its path (slugs from the top page down); null for a post", nullable = true,
                example = "about/team") String path,
        @Schema(description = "The object in this API, by slug: where a front-end redirects to (301) or fetches from",
                example = "/api/v1/posts/council-approves-harbour-wall-repairs-after-winter-storms") String href,
        @Schema(description = "How the path was recognised", example = "permalink") Via via) {

    /** How a path was recognised. */
    @Schema(name = "ResolvedVia", description = "permalink: an imported WordPress permalink; wordpress-id: ?p= or ?page_id=;"
            + " page-path: a page's path; post-slug: a post's slug as the only segment")
    public enum Via {
        PERMALINK, WORDPRESS_ID, PAGE_PATH, POST_SLUG;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
