-- Search ranks its matches against title (weight A) and excerpt (weight B) only: ts_rank over the
-- full search_vector (every word of the body, ~2 kB and TOASTed) read and decompressed the vector
-- of every match, ~150 ms for the 12,000 matches of a common query at 200,000 posts. This vector
-- is a few hundred bytes, kept in the row itself. search_vector and its GIN index still decide
-- what matches (see PostSearch). Adding the column rewrites the post table once.
alter table post add column rank_vector tsvector generated always as (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(excerpt, '')), 'B')
) stored;
