package dev.gazette.common.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a page of a list sits: cursors to its neighbours and the size of the whole list. */
@Schema(description = "Pagination state. Pass `next` or `prev` back as the `cursor` query parameter.")
public record PageInfo(
        @Schema(example = "20") int limit,
        @Schema(description = "Cursor of the following page; null on the last page", nullable = true,
                example = "WyJuZXdlc3QiLCJhZnRlciIsIjIwMjYtMTEtMjBUMDk6MDA6MDBaIiw0Ml0")
        String next,
        @Schema(description = "Cursor of the preceding page; null on the first page", nullable = true)
        String prev,
        @Schema(description = "Number of items in the whole list (all pages)", example = "137") long total) {
}
