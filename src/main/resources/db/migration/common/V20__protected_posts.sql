-- Password-protected posts (WordPress "post_password"): the post stays public (title and metadata),
-- its content and excerpt are shown only to readers who send the password (X-Post-Password) and to
-- staff who may edit it. Only a salted, slow hash of the password is stored (PBKDF2, see
-- PostPassword); null means the post is not protected.
alter table post add column password_hash varchar(200);
