-- What an import keeps of how WordPress showed an item, for the WordPress-compatible API (/wp-json/wp/v2):
-- wp_utc_offset is the difference, in minutes, between the item's local date in the export (post_date,
-- comment_date) and its UTC date (post_date_gmt, ...), so `date` reads as the WordPress site wrote it, whatever
-- its time zone was then; null for items created in Gazette (they use gazette.wordpress.time-zone).
-- format is a post's WordPress post format (gallery, image, quote, ...), null for a standard post.
-- wp_guid is an imported post's or page's <guid> in the export: WordPress' guid, and the id feed readers
-- already know the item by (Gazette's feeds keep it, so a moved site's items do not reappear as new).
alter table post add column wp_utc_offset integer;
alter table post add column format varchar(20);
alter table page add column wp_utc_offset integer;
alter table post add column wp_guid varchar(2000);
alter table page add column wp_guid varchar(2000);
alter table comment add column wp_utc_offset integer;
