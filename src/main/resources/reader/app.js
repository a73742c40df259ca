// The reader site: a front page, category, tag and author pages, and articles with their discussion.
// Addresses are this page with a query: ?post=<slug>, ?category=<slug>, ?tag=<slug>, ?author=<slug>, &cursor=...
import { call, query, ApiError } from './api.js';
import { discussion, likeButton } from './comments.js';
import { completeSignIn } from './signin.js';
import { el, date } from './dom.js';

const PAGE_SIZE = 10;
const main = document.getElementById('main');

function link(params, ...children) {
  return el('a', { href: query(params) || './' }, ...children);
}

/** "By <author> | <outlet> | <date>" for a re-published article, "By <author> | <date>" for an original one. */
export function creditLine(post) {
  const parts = [];
  if (post.source) {
    parts.push(`By ${post.source.author || (post.author ? post.author.displayName : '')}`.trim());
    parts.push(post.source.outlet);
    parts.push(date(post.source.publishedAt || post.publishedAt));
  } else {
    parts.push(post.author ? `By ${post.author.displayName}` : null);
    parts.push(date(post.publishedAt));
  }
  return parts.filter((p) => p && p !== 'By').join(' | ');
}

function terms(post) {
  const items = [];
  for (const c of post.categories || []) {
    items.push(el('li', { class: 'category' }, link({ category: c.slug }, c.name)));
  }
  for (const t of post.tags || []) {
    items.push(el('li', { class: 'tag' }, link({ tag: t.slug }, `#${t.name}`)));
  }
  return items.length ? el('ul', { class: 'terms', 'aria-label': 'Filed under' }, ...items) : null;
}

function card(post) {
  const image = post.featuredImageUrl
    ? el('img', { src: post.featuredImageUrl, alt: (post.featuredMedia && post.featuredMedia.altText) || '', loading: 'lazy', class: 'thumb' })
    : null;
  return el('li', { class: 'card' },
    el('article', { 'aria-labelledby': `post-${post.id}` },
      image,
      el('h2', { id: `post-${post.id}` }, link({ post: post.slug }, post.title)),
      post.sticky ? el('p', { class: 'badge' }, 'Pinned') : null,
      el('p', { class: 'credit' }, creditLine(post)),
      post.excerpt ? el('p', { class: 'excerpt' }, post.excerpt) : null,
      el('p', { class: 'counts' }, `${post.commentCount} comments · Liked by ${post.likeCount}`)));
}

async function listPage(params) {
  const filter = {};
  let heading = 'Latest';
  if (params.get('category')) {
    const c = await call(`categories/${encodeURIComponent(params.get('category'))}`);
    filter.category = c.slug;
    heading = `Category: ${c.name}`;
  } else if (params.get('tag')) {
    const t = await call(`tags/${encodeURIComponent(params.get('tag'))}`);
    filter.tag = t.slug;
    heading = `Tag: ${t.name}`;
  } else if (params.get('author')) {
    const a = await call(`authors/${encodeURIComponent(params.get('author'))}`);
    filter.author = a.slug;
    heading = `Posts by ${a.displayName}`;
  }
  const cursor = params.get('cursor');
  const page = await call(`posts${query({ ...filter, limit: PAGE_SIZE, cursor, include: 'author,categories,tags' })}`);
  document.title = heading === 'Latest' ? 'Gazette' : `${heading} · Gazette`;
  const nav = el('nav', { class: 'pager', 'aria-label': 'Pages' },
    page.page.prev ? link({ ...filter, cursor: page.page.prev }, '← Newer posts') : null,
    page.page.next ? link({ ...filter, cursor: page.page.next }, 'Older posts →') : null);
  nav.querySelectorAll('a').forEach((a) => a.setAttribute('rel', a.textContent.includes('Older') ? 'next' : 'prev'));
  main.replaceChildren(
    el('h1', {}, heading),
    el('p', { class: 'total' }, `${page.page.total} posts`),
    page.items.length ? el('ol', { class: 'cards' }, ...page.items.map(card)) : el('p', {}, 'Nothing here yet.'),
    nav);
}

async function article(slug, notice) {
  const post = await call(`posts/${encodeURIComponent(slug)}${query({ include: 'author,categories,tags' })}`, { visitor: true });
  document.title = `${post.title} · Gazette`;
  const image = post.featuredImageUrl
    ? el('figure', { class: 'featured' },
      el('img', { src: post.featuredImageUrl, alt: (post.featuredMedia && post.featuredMedia.altText) || '' }),
      post.featuredMedia && post.featuredMedia.caption ? el('figcaption', {}, post.featuredMedia.caption) : null)
    : null;
  const content = el('div', { class: 'content' });
  if (post.protected) {
    content.append(el('p', {}, 'This post is password protected.'));
  } else {
    content.innerHTML = post.content || ''; // sanitized by Gazette
  }
  const byAuthor = post.author ? el('p', { class: 'author-link' }, link({ author: post.author.slug }, `More from ${post.author.displayName}`)) : null;
  const likes = likeButton({
    count: post.likeCount, liked: post.likedByMe === true, path: `posts/${post.id}/like`, label: 'Like this post', id: 'post-likes',
  });
  const original = post.source && post.source.url
    ? el('p', { class: 'original' }, 'First published by ', el('a', { href: post.source.url, rel: 'noopener' }, post.source.outlet))
    : null;
  main.replaceChildren(el('article', { class: 'post', 'aria-labelledby': 'post-title' },
    el('h1', { id: 'post-title' }, post.title),
    el('p', { class: 'credit' }, creditLine(post)),
    terms(post),
    image,
    content,
    original,
    likes.element,
    byAuthor));
  main.append(await discussion(post, likes, notice));
}

async function sections() {
  try {
    const tree = await call('categories?view=tree');
    const top = (tree.items || []).filter((c) => c.postCount > 0).slice(0, 8);
    document.getElementById('sections').replaceChildren(
      el('ul', {}, el('li', {}, el('a', { href: './' }, 'Front page')),
        ...top.map((c) => el('li', {}, link({ category: c.slug }, c.name)))));
  } catch {
    // the sections are a convenience; the page works without them
  }
}

async function route() {
  let notice = null; // back from a sign-in provider: the code is redeemed first, and the address put back
  try {
    const done = await completeSignIn();
    notice = done && (done.error || `You are signed in as ${done.name}.`);
  } catch (e) {
    notice = `Sign-in failed (${e.message}).`;
  }
  const params = new URLSearchParams(location.search);
  try {
    if (params.get('post')) {
      await article(params.get('post'), notice);
    } else {
      await listPage(params);
    }
  } catch (e) {
    const missing = e instanceof ApiError && e.status === 404;
    document.title = missing ? 'Not found · Gazette' : 'Error · Gazette';
    main.replaceChildren(el('h1', {}, missing ? 'Not found' : 'Something went wrong'),
      el('p', { role: 'alert' }, missing ? 'There is nothing at this address.' : e.message),
      el('p', {}, el('a', { href: './' }, 'Back to the front page')));
  }
}

sections();
route();
