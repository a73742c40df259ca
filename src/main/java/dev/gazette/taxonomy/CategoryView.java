package dev.gazette.taxonomy;

import dev.gazette.common.text.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Category")
public record CategoryView(
        @Schema(example = "4") long id,
        @Schema(example = "environment") String slug,
        @Schema(example = "Environment") String name,
        @Schema(example = "Climate science, policy and the energy transition.", nullable = true) String description,
        @Schema(description = "Parent category; null for a root", example = "1", nullable = true) Long parentId,
        @Schema(description = "Published posts filed under this category or any of its sub-categories, each post once:"
                + " the posts ?category= lists", example = "12") long postCount,
        @Schema(description = "Published posts filed directly under this category", example = "5") long directPostCount,
        @Schema(description = "Version, also carried in the ETag", example = "2") long version,
        Instant updatedAt,
        @Schema(description = "Sub-categories (view=tree only)", nullable = true) List<CategoryView> children) {

    static CategoryView of(Category c, long postCount, long directPostCount) {
        return new CategoryView(c.id, c.slug, c.name, c.description, c.parent == null ? null : c.parent.id,
                postCount, directPostCount, c.version, c.updatedAt, null);
    }

    CategoryView withChildren(List<CategoryView> children) {
        return new CategoryView(id, slug, name, description, parentId, postCount, directPostCount, version, updatedAt, children);
    }

    /** Create or replace a category. PATCH merges into this shape. */
    @Schema(name = "CategoryInput")
    public record Input(
            @Size(max = 200) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters, digits and single hyphens")
            @Schema(description = "Generated from name when omitted", example = "environment") String slug,
            @NotBlank @Size(max = 200) @Schema(example = "Environment") String name,
            @Size(max = 5000) @Schema(example = "Climate science, policy and the energy transition.") String description,
            @Schema(description = "Parent category id; omit or null for a root", example = "1") Long parentId) {

        static Input of(Category c) {
            return new Input(c.slug, c.name, c.description, c.parent == null ? null : c.parent.id);
        }
    }
}
