-- H2 picks an index by the conditions it can look up and does not weigh ORDER BY ... LIMIT: with
-- (status, published_at, id) present, a public list (status in published/scheduled, newest first)
-- read every public post and sorted them, 20 at a time. Without it H2 walks ix_post_published
-- backwards and stops after a page (scanCount 21 instead of 2,001 for 2,000 posts). PostgreSQL
-- already walks ix_post_published for these lists and keeps the index for counts (no V8 there).
drop index ix_post_status_published;
