-- The front page (the public post list in its default order) lists sticky posts first, then the
-- newest: its keyset order is (sticky, published_at, id), descending. This index serves it the way
-- ix_post_published serves the newest-first lists, so a deep page costs what the first costs.
create index ix_post_sticky_published on post (sticky, published_at, id);
