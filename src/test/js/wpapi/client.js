// WordPress' REST client against Gazette's /wp-json: discovery, list, paging, filters, get by id and
// slug, comments, _embed, search, comment creation and errors. Arguments: the app's base URL and the test's fixture as JSON.
// Prints "ok" and exits 0, or prints what failed and exits 1.
const assert = require('node:assert/strict');
const WPAPI = require('wpapi');

const [base, fixtureJson] = process.argv.slice(2);
const f = JSON.parse(fixtureJson);

(async () => {
  // discovery: the index's routes are what wpapi builds its handlers from
  const index = await (await fetch(base + '/wp-json/')).json();
  assert.ok(index.routes['/wp/v2/posts'], 'the index lists /wp/v2/posts');
  const wp = new WPAPI({ endpoint: base + '/wp-json', routes: index.routes });

  // a list, paged
  const page1 = await wp.posts().include(f.posts).perPage(2);
  assert.deepEqual(page1.map((p) => p.id), [f.posts[2], f.posts[1]]);
  assert.equal(page1._paging.total, 3);
  assert.equal(page1._paging.totalPages, 2);
  const rest = await page1._paging.next; // a request for the Link header's next page
  assert.deepEqual(rest.map((p) => p.id), [f.posts[0]]);
  assert.deepEqual((await wp.posts().include(f.posts).perPage(2).page(2)).map((p) => p.id), [f.posts[0]]);

  // filters by category and tag
  assert.deepEqual((await wp.posts().categories(f.category)).map((p) => p.id), [f.posts[0]]);
  assert.deepEqual((await wp.posts().tags(f.tag)).map((p) => p.id), [f.posts[1], f.posts[0]]);

  // by id and by slug
  const one = await wp.posts().id(f.posts[0]);
  assert.equal(one.id, f.posts[0]);
  assert.equal(typeof one.title.rendered, 'string');
  const bySlug = await wp.posts().slug(one.slug);
  assert.deepEqual(bySlug.map((p) => p.id), [f.posts[0]]);

  // terms, users and comments
  assert.equal((await wp.categories().id(f.category)).id, f.category);
  assert.equal((await wp.tags().id(f.tag)).taxonomy, 'post_tag');
  assert.equal((await wp.users().id(f.author)).id, f.author);
  const comments = await wp.comments().post(f.posts[0]);
  assert.deepEqual(comments.map((c) => c.id), [f.comment]);

  // _embed: the author and the terms come embedded, for one post and for a list
  const embedded = await wp.posts().id(f.posts[0]).embed();
  assert.equal(embedded._embedded.author[0].id, f.author);
  assert.equal(embedded._embedded['wp:term'][0][0].id, f.category);
  assert.equal(embedded._embedded.replies[0][0].id, f.comment);
  const embeddedList = await wp.posts().include(f.posts).embed();
  assert.ok(embeddedList.length === 3 && embeddedList.every((p) => p._embedded.author[0].id === f.author));

  // search across posts and pages
  const found = await wp.search().search(f.marker).perPage(5);
  assert.ok(found.length >= 1 && found.every((r) => r.type === 'post'), JSON.stringify(found));

  // a visitor's comment, created as WordPress' clients create one (held for moderation: a new email)
  const created = await wp.comments().create({
    post: f.posts[1], author_name: 'wpapi reader', author_email: f.email, content: 'Posted by wpapi',
  });
  assert.equal(created.post, f.posts[1]);
  assert.equal(created.status, 'hold');
  await assert.rejects(wp.comments().create({ post: f.posts[1], author_name: 'wpapi reader', author_email: f.email,
    content: 'Posted by wpapi' }), (e) => e.code === 'comment_duplicate' && e.data.status === 409);

  // an error comes back in WordPress' shape, as wpapi reports it
  await assert.rejects(wp.posts().id(999999999).get(), (e) => e.code === 'rest_post_invalid_id' && e.data.status === 404);
  console.log('ok');
})().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
