-- Search must not find a protected post by words of its content or excerpt (an excerpt generated from
-- the content is its first words): for a post with a password hash, both search vectors hold only the
-- title. Re-adding the generated columns rewrites the post table once; their GIN indexes are rebuilt.
-- (H2 applies the same rule in PostSearch's LIKE fallback.)
drop index ix_post_search;
drop index ix_post_rank;
alter table post drop column search_vector;
alter table post drop column rank_vector;
alter table post add column search_vector tsvector generated always as (
    case when password_hash is null
        then setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
             setweight(to_tsvector('english', coalesce(content_text, '')), 'B')
        else setweight(to_tsvector('english', coalesce(title, '')), 'A')
    end
) stored;
create index ix_post_search on post using gin (search_vector);
alter table post add column rank_vector tsvector generated always as (
    case when password_hash is null
        then setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
             setweight(to_tsvector('english', coalesce(excerpt, '')), 'B')
        else setweight(to_tsvector('english', coalesce(title, '')), 'A')
    end
) stored;
create index ix_post_rank on post using gin (rank_vector);
