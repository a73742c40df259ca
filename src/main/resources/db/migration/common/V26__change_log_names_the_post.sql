-- The change feed names the post each change belongs to (a post's own changes and likes, its
-- comments' changes and likes), so a post's live comment stream reads its changes by one index,
-- also those of comments that were deleted since.
alter table change_log add column post_id bigint;
update change_log set post_id = entity_id where type = 'POST';
update change_log set post_id = (select c.post_id from comment c where c.id = change_log.entity_id) where type = 'COMMENT';
create index ix_change_log_post on change_log (post_id, seq);
