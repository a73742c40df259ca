-- Relevance search scores only the matches whose title and excerpt (rank_vector) match the query by
-- themselves, and lists every other match after them newest first (see PostSearch): this index finds
-- the scored ones without visiting every match, so a common query costs a page, not its match count.
create index ix_post_rank on post using gin (rank_vector);
