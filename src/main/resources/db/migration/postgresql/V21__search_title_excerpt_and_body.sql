-- Search finds a post by its title, its excerpt and its body (as WordPress searches title, excerpt and
-- content). search_vector is the title and excerpt, in the order and weights of rank_vector, followed
-- by the body: whatever matches rank_vector (title and excerpt) then also matches search_vector, so a
-- relevance page of title/lead matches is read from the small rank_vector index alone (PostSearch).
-- A protected post still holds only its title (V20.1).
drop index ix_post_search;
alter table post drop column search_vector;
alter table post add column search_vector tsvector generated always as (
    case when password_hash is null
        then setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
             setweight(to_tsvector('english', coalesce(excerpt, '')), 'B') ||
             setweight(to_tsvector('english', coalesce(content_text, '')), 'B')
        else setweight(to_tsvector('english', coalesce(title, '')), 'A')
    end
) stored;
create index ix_post_search on post using gin (search_vector);
-- the rewritten table has no statistics for the new column until analyzed: plan searches with them at once
analyze post;
