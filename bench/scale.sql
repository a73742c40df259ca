-- Grows an imported benchmark set on PostgreSQL to `copies` times its size in a few minutes (an import
-- of 200,000 posts takes over half an hour on the 2-core machine): every post is copied copies - 1
-- times with its filings and its comments, each copy under new ids and slugs (`<slug>-x<k>`) and
-- moved back in time by the span of the whole set, so copies follow each other in date order.
-- Copies share words, tags, categories and authors with their original: a search matches the same
-- share of posts and every tag is filed copies times as often, which is what the large-set figures
-- are about (how reads scale with rows), not the text itself. Generated columns (the search vectors)
-- are computed by PostgreSQL as for any insert. Likes and the change feed are not copied.
--
--   psql -v copies=100 -f bench/scale.sql DATABASE      (run by bench/run.sh --scale 100)
\set ON_ERROR_STOP on
select set_config('bench.copies', :'copies', false) \g /dev/null

do $$
declare
    copies      int := current_setting('bench.copies')::int;
    max_post    bigint;
    max_comment bigint;
    span        interval;
    post_cols   text;
    post_vals   text;
    com_cols    text;
    com_vals    text;
begin
    select max(id), max(coalesce(published_at, created_at)) - min(coalesce(published_at, created_at)) + interval '1 day'
      into max_post, span from post;
    select coalesce(max(id), 0) into max_comment from comment;

    -- every stored column, in table order; the ones that identify or date a row are rewritten per copy
    select string_agg(quote_ident(column_name), ', ' order by ordinal_position),
           string_agg(case column_name
                          when 'id' then 'p.id + k * ' || max_post
                          when 'slug' then 'p.slug || ''-x'' || k'
                          when 'published_at' then 'p.published_at - k * s.span'
                          when 'created_at' then 'p.created_at - k * s.span'
                          when 'modified_at' then 'p.modified_at - k * s.span'
                          else 'p.' || quote_ident(column_name) end, ', ' order by ordinal_position)
      into post_cols, post_vals
      from information_schema.columns
     where table_schema = current_schema() and table_name = 'post' and is_generated = 'NEVER';
    execute format('insert into post (%s) overriding system value select %s from post p'
                   || ' cross join generate_series(1, %s) k cross join (select %L::interval as span) s where p.id <= %s',
                   post_cols, post_vals, copies - 1, span, max_post);

    insert into post_category (post_id, category_id)
    select f.post_id + k * max_post, f.category_id from post_category f cross join generate_series(1, copies - 1) k
     where f.post_id <= max_post;
    insert into post_tag (post_id, tag_id)
    select f.post_id + k * max_post, f.tag_id from post_tag f cross join generate_series(1, copies - 1) k
     where f.post_id <= max_post;

    select string_agg(quote_ident(column_name), ', ' order by ordinal_position),
           string_agg(case column_name
                          when 'id' then 'c.id + k * ' || max_comment
                          when 'post_id' then 'c.post_id + k * ' || max_post
                          when 'parent_id' then 'c.parent_id + k * ' || max_comment
                          when 'root_id' then 'c.root_id + k * ' || max_comment
                          -- "/1/5/9/" ("/" for a root): every ancestor id moves with its copy
                          when 'path' then '''/'' || coalesce((select string_agg((e::bigint + k * ' || max_comment
                                           || ')::text, ''/'' order by n) from unnest(string_to_array(trim(both ''/'' from c.path), ''/''))'
                                           || ' with ordinality as a(e, n)) || ''/'', '''')'
                          when 'created_at' then 'c.created_at - k * s.span'
                          when 'updated_at' then 'c.updated_at - k * s.span'
                          else 'c.' || quote_ident(column_name) end, ', ' order by ordinal_position)
      into com_cols, com_vals
      from information_schema.columns
     where table_schema = current_schema() and table_name = 'comment' and is_generated = 'NEVER';
    -- parents before their replies within each copy, so the parent_id reference holds row by row
    execute format('insert into comment (%s) overriding system value select %s from comment c'
                   || ' cross join generate_series(1, %s) k cross join (select %L::interval as span) s'
                   || ' where c.id <= %s order by k, c.depth, c.id',
                   com_cols, com_vals, copies - 1, span, max_comment);

    perform setval(pg_get_serial_sequence('post', 'id'), (select max(id) from post));
    perform setval(pg_get_serial_sequence('comment', 'id'), greatest(1, (select max(id) from comment)));
end
$$;
