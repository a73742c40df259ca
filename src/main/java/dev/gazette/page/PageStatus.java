package dev.gazette.page;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;

/** Whether a page is on the public site (published) or not yet (draft). */
@Schema(name = "PageStatus", description = "draft: only staff see it; published: public")
public enum PageStatus {
    DRAFT, PUBLISHED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
