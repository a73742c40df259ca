-- Cached comment trees were keyed by a per-post comment version; every cached response is now
-- keyed by the content version, which follows the change log (ContentVersion, ResponseCache).
alter table post drop column comment_version;
