-- H2 has no expression indexes and no tsvector: search falls back to LIKE matching
-- (see PostSearch), the outlet filter uses a plain index.
create index ix_post_outlet on post (source_outlet);
