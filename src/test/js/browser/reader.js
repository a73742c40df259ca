// The reader site, Swagger UI and a page on another origin, in Debian's Chromium driven by playwright-core.
// Arguments: the app's base URL, the test's fixture as JSON, and the folder for screenshots.
// Prints each step, then "ok", and exits 0; or prints what failed and exits 1.
const assert = require('node:assert/strict');
const http = require('node:http');
const path = require('node:path');
const { chromium } = require('playwright-core');

const [base, fixtureJson, out] = process.argv.slice(2);
const f = JSON.parse(fixtureJson);
const WAIT = 15000;

function step(name) {
  console.log(`step: ${name}`);
}

/** A page on another origin (127.0.0.1 on a port of its own) that likes the post and edits a comment through CORS. */
function otherOrigin() {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Elsewhere</title></head><body><main><h1>Elsewhere</h1>
<script type="module">
const api = ${JSON.stringify(base)} + '/api/v1';
const result = {};
try {
  const like = await fetch(api + '/posts/${f.articleId}/like', { method: 'PUT', headers: { 'X-Visitor-Id': 'elsewhere-${f.marker}' } });
  result.likeStatus = like.status;
  result.like = await like.json();
  const edit = await fetch(api + '/comments/${f.editable.id}', { method: 'PATCH',
    headers: { 'X-Edit-Key': ${JSON.stringify(f.editable.key)}, 'Content-Type': 'application/json' },
    body: JSON.stringify({ content: 'Edited from elsewhere' }) });
  result.editStatus = edit.status;
  result.edit = await edit.json();
} catch (e) {
  result.error = String(e);
}
document.body.dataset.result = JSON.stringify(result);
</script></main></body></html>`;
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // playwright gives every launch a fresh, temporary profile (--user-data-dir) of its own
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const elsewhere = await otherOrigin();
  const problems = [];
  const watch = (page) => {
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (f.signIn && r.frame().url().startsWith(f.signIn.issuer)) {
        return; // the sign-in provider's own pages (its development login page loads a web font) are not the reader site
      }
      const u = new URL(r.url());
      // the site's own files and calls stay here; images inside content (imported posts' featured images) are the content's
      if (u.protocol.startsWith('http') && !['localhost', '127.0.0.1'].includes(u.hostname) && r.resourceType() !== 'image') {
        problems.push(`third-party request: ${r.url()}`);
      }
    });
    return page;
  };
  try {
    const reader = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = watch(await reader.newPage());

    step('the front page lists posts, sticky first, and pages through');
    await page.goto(`${base}/`);
    await page.locator('.cards > .card').first().waitFor({ timeout: WAIT });
    const links = () => page.locator('.card h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const first = await links();
    assert.equal(first.length, 10);
    assert.ok(await page.locator('link[rel=alternate][type="application/rss+xml"]').count() >= 1, 'feed links in the head');
    assert.equal(await page.getByRole('main').count(), 1);
    assert.equal(await page.getByRole('banner').count(), 1);
    assert.equal(await page.getByRole('contentinfo').count(), 1);
    await page.screenshot({ path: path.join(out, 'reader-front-page.png'), fullPage: true });
    await page.getByRole('link', { name: 'Older posts →' }).click();
    await page.waitForURL(/cursor=/);
    await page.getByRole('link', { name: '← Newer posts' }).waitFor({ timeout: WAIT });
    const second = await links();
    assert.ok(second.length > 0);
    assert.ok(second.every((t) => !first.includes(t)), 'the second page repeats none of the first');

    step('a category page lists exactly its posts, over two pages');
    await page.goto(`${base}/?category=${f.category.slug}`);
    await page.getByRole('heading', { level: 1, name: `Category: ${f.category.name}` }).waitFor({ timeout: WAIT });
    const inCategory = await page.locator('.card h2').allTextContents();
    await page.getByRole('link', { name: 'Older posts →' }).click();
    await page.getByRole('link', { name: '← Newer posts' }).waitFor({ timeout: WAIT });
    inCategory.push(...await page.locator('.card h2').allTextContents());
    assert.deepEqual([...inCategory].sort(), [...f.categoryTitles].sort());

    step('tag and author pages');
    await page.goto(`${base}/?tag=${f.tag.slug}`);
    await page.getByRole('heading', { level: 1, name: `Tag: ${f.tag.name}` }).waitFor({ timeout: WAIT });
    assert.deepEqual(await page.locator('.card h2').allTextContents(), [f.articleTitle]);
    await page.goto(`${base}/?author=${f.author.slug}`);
    await page.getByRole('heading', { level: 1, name: /^Posts by / }).waitFor({ timeout: WAIT });
    assert.ok((await page.locator('.card h2').allTextContents()).includes(f.articleTitle));

    step('an article: credit line, categories and tags, nested comments, Liked by N');
    await page.goto(`${base}/?post=${f.articleSlug}`);
    await page.locator('#post-title').waitFor({ timeout: WAIT });
    assert.equal(await page.locator('#post-title').textContent(), f.articleTitle);
    assert.equal(await page.locator('.post .credit').textContent(), 'By Jonny Tickle | RT | July 2, 2021');
    assert.ok((await page.locator('.post .terms').textContent()).includes(f.category.name));
    assert.ok((await page.locator('.post .content').textContent()).includes('One day after the US accused Moscow'));
    assert.equal(await page.locator('#post-likes .liked-by').textContent(), 'Liked by 2 people');
    await page.locator(`#comment-${f.root} > .replies > #comment-${f.reply}`).waitFor({ timeout: WAIT });
    assert.equal(await page.locator(`#comment-${f.reply} > article .liked-by`).textContent(), 'Liked by 1 person');
    await page.locator('#comments[data-live="on"]').waitFor({ timeout: WAIT });
    await page.screenshot({ path: path.join(out, 'reader-article.png'), fullPage: true });

    step('a second reader follows the discussion live');
    const other = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const watcher = watch(await other.newPage());
    await watcher.goto(`${base}/?post=${f.articleSlug}`);
    await watcher.locator('#comments[data-live="on"]').waitFor({ timeout: WAIT });

    step('a visitor posts a comment (published at once: a known email)');
    const words = `Payback, live ${f.marker}`;
    await page.getByLabel('Comment', { exact: true }).fill(words);
    await page.getByLabel('Name', { exact: true }).fill('Clifford Whitehead');
    await page.getByLabel('Email (never shown)', { exact: true }).fill(f.email);
    await page.getByLabel('Website', { exact: true }).fill('https://clifford.example');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('.form-status', { hasText: 'Your comment is published.' }).waitFor({ timeout: WAIT });
    const mine = page.locator('.comment-content', { hasText: words });
    await mine.waitFor({ timeout: WAIT });
    const myId = await mine.evaluate((n) => n.closest('li.comment').dataset.id);
    step('... and the second reader sees it arrive without reloading');
    await watcher.locator(`#comment-${myId} .comment-content`, { hasText: words }).waitFor({ timeout: WAIT });

    step('a reply, nested under it, here and live there');
    await page.locator(`#comment-${myId} > article button.reply`).click();
    const replyWords = `Obsession is a bitch too ${f.marker}`;
    await page.getByLabel('Comment', { exact: true }).fill(replyWords);
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator(`#comment-${myId} > .replies .comment-content`, { hasText: replyWords }).waitFor({ timeout: WAIT });
    await watcher.locator(`#comment-${myId} > .replies .comment-content`, { hasText: replyWords }).waitFor({ timeout: WAIT });

    step('likes: the comment and the post');
    await page.locator(`#comment-${myId} > article button.like`).click();
    await page.locator(`#comment-${myId} > article .liked-by`, { hasText: 'Liked by 1 person' }).waitFor({ timeout: WAIT });
    assert.equal(await page.locator(`#comment-${myId} > article button.like`).getAttribute('aria-pressed'), 'true');
    await watcher.locator(`#comment-${myId} > article .liked-by`, { hasText: 'Liked by 1 person' }).waitFor({ timeout: WAIT });
    await page.locator('#post-likes button').click();
    await page.locator('#post-likes .liked-by', { hasText: 'Liked by 3 people' }).waitFor({ timeout: WAIT });
    await watcher.locator('#post-likes .liked-by', { hasText: 'Liked by 3 people' }).waitFor({ timeout: WAIT });

    step('an edit within the window');
    await page.locator(`#comment-${myId} > article button.edit`).click();
    await page.getByLabel('Edit your comment').fill(`${words}, edited`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator(`#comment-${myId} > article .comment-content`, { hasText: `${words}, edited` }).waitFor({ timeout: WAIT });
    await watcher.locator(`#comment-${myId} > article .comment-content`, { hasText: `${words}, edited` }).waitFor({ timeout: WAIT });

    step('a new commenter is held for moderation, a bot is refused');
    await page.getByLabel('Comment', { exact: true }).fill(`First time here ${f.marker}`);
    await page.getByLabel('Email (never shown)', { exact: true }).fill(`new-${f.marker}@example.com`);
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('.form-status', { hasText: 'held for moderation' }).waitFor({ timeout: WAIT });
    await page.getByLabel('Comment', { exact: true }).fill(`Cheap pills ${f.marker}`);
    await page.locator('#comment-honeypot').evaluate((n) => { n.value = 'http://spam.example'; });
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('.form-status', { hasText: 'refused' }).waitFor({ timeout: WAIT });

    step('keyboard: the first Tab reaches the skip link, which moves to the content');
    await page.goto(`${base}/?post=${f.articleSlug}`);
    await page.locator('#post-title').waitFor({ timeout: WAIT });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    await other.close();

    step('"more replies": a thread longer than the first page, completed in place');
    await page.goto(`${base}/?post=${f.busy.slug}`);
    const busyReplies = page.locator(`#comment-${f.busy.root} > .replies > li.comment`);
    await busyReplies.first().waitFor({ timeout: WAIT });
    const shown = await busyReplies.count();
    assert.ok(shown < f.busy.replies.length, `the first page shows ${shown} of ${f.busy.replies.length} replies`);
    const moreButton = page.locator(`#comment-${f.busy.root} > button.more-replies`);
    const remaining = f.busy.replies.length - shown;
    assert.equal(await moreButton.textContent(), remaining === 1 ? '1 more reply' : `${remaining} more replies`);
    for (let i = 0; i < 10 && await moreButton.count(); i++) {
      await moreButton.click();
      await page.waitForFunction(({ root, n }) => document.querySelectorAll(`#comment-${root} > .replies > li.comment`).length > n
        || !document.querySelector(`#comment-${root} > button.more-replies`), { root: f.busy.root, n: shown }, { timeout: WAIT });
    }
    await page.waitForFunction(({ root, n }) => document.querySelectorAll(`#comment-${root} > .replies > li.comment`).length === n,
      { root: f.busy.root, n: f.busy.replies.length }, { timeout: WAIT });
    const ids = await busyReplies.evaluateAll((items) => items.map((li) => Number(li.dataset.id)));
    assert.deepEqual(ids, f.busy.replies, 'every reply, once, oldest first');
    assert.equal(await moreButton.count(), 0, 'no "more replies" left');

    step('a commenter signs in with the OpenID provider: its own login and consent pages, then back to the article');
    const signer = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const sp = watch(await signer.newPage());
    await sp.goto(`${base}/?post=${f.articleSlug}`);
    await sp.getByRole('button', { name: `Sign in with ${f.signIn.provider}` }).click();
    await sp.waitForURL((u) => u.href.startsWith(f.signIn.issuer), { timeout: WAIT });
    await sp.locator('input[name=login]').fill(f.signIn.sub);
    await sp.locator('input[name=password]').fill('any password');
    await sp.locator('button[type=submit]').click();
    await sp.locator('button[type=submit]', { hasText: 'Continue' }).click(); // consent: openid profile email
    await sp.waitForURL((u) => u.href.startsWith(base) && u.searchParams.get('post') === f.articleSlug, { timeout: WAIT });
    await sp.locator('.signed-in', { hasText: f.signIn.name }).waitFor({ timeout: WAIT });
    assert.equal(await sp.locator('.account-status').textContent(), `You are signed in as ${f.signIn.name}.`);
    assert.ok(!sp.url().includes('code=') && !sp.url().includes('state='), `the code left the address bar: ${sp.url()}`);
    assert.equal(await sp.locator('.signed-in').textContent(), `Signed in as ${f.signIn.name} (${f.signIn.provider}) Sign out`);
    assert.ok(await sp.getByLabel('Name', { exact: true }).isHidden(), 'no name or email asked when signed in');
    assert.ok(await sp.getByLabel('Email (never shown)', { exact: true }).isHidden());
    const idToken = await sp.evaluate(() => JSON.parse(sessionStorage.getItem('gazette-id-token')).token);
    assert.equal(JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url')).iss, f.signIn.issuer);

    step('... comments as that identity (X-Id-Token), and a second reader sees it live');
    const live2 = watch(await (await browser.newContext()).newPage());
    await live2.goto(`${base}/?post=${f.articleSlug}`);
    await live2.locator('#comments[data-live="on"]').waitFor({ timeout: WAIT });
    const signedWords = `Signed in and saying so ${f.marker}`;
    await sp.getByLabel('Comment', { exact: true }).fill(signedWords);
    await sp.getByRole('button', { name: 'Post comment' }).click();
    await sp.locator('.form-status', { hasText: 'Your comment is published.' }).waitFor({ timeout: WAIT });
    const signedComment = sp.locator('li.comment', { has: sp.locator(':scope > article .comment-content', { hasText: signedWords }) });
    await signedComment.waitFor({ timeout: WAIT });
    const signedId = await signedComment.getAttribute('data-id');
    assert.equal(await sp.locator(`#comment-${signedId} > article .comment-author`).textContent(),
      `Comment by ${f.signIn.name} (${f.signIn.provider})`);
    await live2.locator(`#comment-${signedId} > article .comment-author`, { hasText: f.signIn.name }).waitFor({ timeout: WAIT });
    const stored = await (await fetch(`${base}/api/v1/comments/${signedId}`)).json();
    assert.equal(stored.author.name, f.signIn.name);
    assert.equal(stored.author.provider, f.signIn.provider);
    assert.ok(stored.author.commenterId > 0, JSON.stringify(stored.author));
    const own = await (await fetch(`${base}/api/v1/me/comments`, { headers: { 'X-Id-Token': idToken } })).json();
    assert.ok(own.items.some((c) => String(c.id) === signedId), 'the comment is among the identity\'s own');

    step('... likes as that identity');
    await sp.locator(`#comment-${f.root} > article button.like`).click();
    await sp.locator(`#comment-${f.root} > article button.like[aria-pressed="true"]`).waitFor({ timeout: WAIT });
    const liked = await (await fetch(`${base}/api/v1/comments/${f.root}`, { headers: { 'X-Id-Token': idToken } })).json();
    assert.equal(liked.likedByMe, true, 'the like is the identity\'s');

    step('... edits and deletes without the edit key (as from another device: the token alone)');
    await sp.evaluate(() => localStorage.removeItem('gazette-edit-keys'));
    await sp.reload();
    await sp.locator('.signed-in', { hasText: f.signIn.name }).waitFor({ timeout: WAIT });
    await sp.locator(`#comment-${signedId} > article button.edit`).click();
    await sp.getByLabel('Edit your comment').fill(`${signedWords}, edited`);
    await sp.getByRole('button', { name: 'Save' }).click();
    await sp.locator(`#comment-${signedId} > article .comment-content`, { hasText: `${signedWords}, edited` }).waitFor({ timeout: WAIT });
    await live2.locator(`#comment-${signedId} > article .comment-content`, { hasText: `${signedWords}, edited` }).waitFor({ timeout: WAIT });
    assert.equal(await sp.locator(`#comment-${f.root} > article button.edit`).count(), 0, 'other people\'s comments are not editable');
    await sp.locator(`#comment-${signedId} > article button.delete`).click();
    await sp.getByRole('button', { name: 'Yes, delete it' }).click();
    await sp.locator(`#comment-${signedId}`).waitFor({ state: 'detached', timeout: WAIT });
    await live2.locator(`#comment-${signedId}`).waitFor({ state: 'detached', timeout: WAIT });
    assert.equal((await fetch(`${base}/api/v1/comments/${signedId}`)).status, 404);

    step('... and signs out: the name and email fields are back, and no token is sent');
    await sp.getByRole('button', { name: 'Sign out' }).click();
    await sp.getByRole('button', { name: `Sign in with ${f.signIn.provider}` }).waitFor({ timeout: WAIT });
    assert.ok(await sp.getByLabel('Name', { exact: true }).isVisible());
    assert.equal(await sp.evaluate(() => sessionStorage.getItem('gazette-id-token')), null);
    await signer.close();
    await live2.context().close();

    step('a page on another origin likes with X-Visitor-Id and edits with X-Edit-Key');
    const foreign = await browser.newContext();
    const away = watch(await foreign.newPage());
    await away.goto(`http://127.0.0.1:${elsewhere.address().port}/`);
    await away.locator('body[data-result]').waitFor({ timeout: WAIT, state: 'attached' });
    const result = JSON.parse(await away.locator('body').getAttribute('data-result'));
    assert.equal(result.error, undefined, result.error);
    assert.equal(result.likeStatus, 200, JSON.stringify(result));
    assert.equal(result.like.likedByMe, true);
    assert.equal(result.editStatus, 200, JSON.stringify(result));
    assert.equal(result.edit.contentHtml, '<p>Edited from elsewhere</p>');
    await foreign.close();

    step("Swagger UI: Try it out on 'List posts' answers 200");
    const docs = await reader.newPage(); // Swagger UI's own requests are its business, not the reader site's
    await docs.goto(`${base}/q/swagger-ui/`);
    const operation = docs.locator('.opblock', {
      has: docs.locator('.opblock-summary-description', { hasText: /^List posts$/ }),
    }).first();
    await operation.locator('.opblock-summary').first().click();
    // Gazette turns "Try it out" on for every operation (quarkus.swagger-ui.try-it-out-enabled): Execute is there at once
    const execute = operation.getByRole('button', { name: 'Execute' });
    const tryIt = operation.getByRole('button', { name: 'Try it out' });
    await execute.or(tryIt).first().waitFor({ timeout: WAIT });
    if (await tryIt.count()) {
      await tryIt.click();
    }
    await execute.click();
    const status = operation.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor({ timeout: WAIT });
    assert.equal((await status.textContent()).trim(), '200');

    assert.deepEqual(problems, []);
    console.log('ok');
  } finally {
    elsewhere.close();
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
