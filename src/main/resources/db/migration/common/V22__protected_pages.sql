-- Password-protected pages, as posts (V20): WordPress's post_password applies to pages too. Title and
-- metadata stay public; the content and excerpt are shown only to readers who send the password
-- (X-Post-Password) and to staff who may edit the page. Null means the page is not protected.
alter table page add column password_hash varchar(200);
