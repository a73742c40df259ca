-- The id an object answers to on the WordPress-compatible API (/wp-json/wp/v2): for imported content its
-- WordPress id, unless another row of its table answered to that id already; null for everything else, which
-- answers to its Gazette id there. The importer keeps the two apart (importer/WpIdClaims): ids Gazette gives
-- after an import are above the file's WordPress ids, and an id is taken only when no row answers to it.
alter table post add column wp_id bigint;
alter table page add column wp_id bigint;
alter table media add column wp_id bigint;
alter table comment add column wp_id bigint;
alter table category add column wp_id bigint;
alter table tag add column wp_id bigint;
alter table author add column wp_id bigint;
create unique index uq_post_wp_id on post (wp_id);
create unique index uq_page_wp_id on page (wp_id);
create unique index uq_media_wp_id on media (wp_id);
create unique index uq_comment_wp_id on comment (wp_id);
create unique index uq_category_wp_id on category (wp_id);
create unique index uq_tag_wp_id on tag (wp_id);
create unique index uq_author_wp_id on author (wp_id);

-- An imported post's or page's permalink on the WordPress site, as the export gave it: its link on /wp-json
alter table old_link add column permalink varchar(2000);
