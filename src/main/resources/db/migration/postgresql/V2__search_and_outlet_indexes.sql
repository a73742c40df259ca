-- PostgreSQL full-text search over title (weight A) and plain-text content (weight B).
alter table post add column search_vector tsvector generated always as (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(content_text, '')), 'B')
) stored;
create index ix_post_search on post using gin (search_vector);
create index ix_post_outlet on post (lower(source_outlet));
create index ix_tag_name_lower on tag (lower(name) text_pattern_ops);
