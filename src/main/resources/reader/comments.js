// An article's discussion: the threaded comments with likes and "more replies", the comment form (anonymous, or
// signed in with an OpenID Connect provider), editing and deleting one's own comments within the edit window, and
// live updates from the post's comment stream.
import { call, stream, editKeys, signedIn, ApiError } from './api.js';
import { el, date, likedBy } from './dom.js';
import { signInOptions, signIn, signOut } from './signin.js';

/** A like control: "Liked by N people" and a toggle button (aria-pressed). `set(n)` takes a count from elsewhere. */
export function likeButton({ count, liked, path, label, id }) {
  const text = el('span', { class: 'liked-by' }, likedBy(count));
  const button = el('button', { type: 'button', class: 'like', 'aria-pressed': String(liked), 'aria-label': label }, liked ? 'Liked' : 'Like');
  const element = el('div', { class: 'likes', id }, text, ' ', button);
  const state = { count, liked };
  const show = () => {
    text.textContent = likedBy(state.count);
    button.setAttribute('aria-pressed', String(state.liked));
    button.textContent = state.liked ? 'Liked' : 'Like';
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const answer = await call(path, { method: state.liked ? 'DELETE' : 'PUT', visitor: true });
      state.count = answer.likeCount;
      state.liked = answer.likedByMe;
      show();
    } catch (e) {
      text.textContent = e instanceof ApiError && e.status === 429 ? 'Too many likes from here; try again shortly.' : e.message;
    } finally {
      button.disabled = false;
    }
  });
  return {
    element,
    set(n) {
      state.count = n;
      show();
    },
  };
}

/** What a posted comment's status means to its writer. */
function outcome(status) {
  switch (status) {
    case 'approved': return 'Your comment is published.';
    case 'pending': return 'Thank you: your comment is held for moderation and will appear once approved.';
    default: return 'Your comment was refused by the spam filter.';
  }
}

function problemMessage(e) {
  if (!(e instanceof ApiError)) {
    return `Could not send your comment (${e.message}).`;
  }
  switch (e.status) {
    case 429: return `You are commenting too quickly: please wait ${e.retryAfter || 'a few'} seconds and send it again.`;
    case 401: return 'Your sign-in has expired or was refused: please sign in again.';
    case 409: return 'You already posted this comment.';
    case 403: return e.problem && e.problem.detail ? e.problem.detail : 'Comments are closed on this post.';
    case 422: return (e.problem && e.problem.errors ? e.problem.errors.map((f) => `${f.field}: ${f.message}`).join('; ') : e.message);
    default: return e.message;
  }
}

export async function discussion(post, postLikes, notice) {
  const options = await signInOptions();
  // who the signed-in commenter is to Gazette: their comments are theirs to edit from any device
  const me = signedIn.get() ? await call('me/commenter', { identity: true }).catch(() => null) : null;
  const nodes = new Map();
  const list = el('ol', { class: 'comments', id: 'comment-list' });
  const title = el('h2', { id: 'comments-title' });
  const live = el('p', { class: 'live-status visually-hidden', role: 'status', 'aria-live': 'polite' });
  let commentCount = post.commentCount;
  const showCount = () => {
    title.textContent = commentCount === 1 ? '1 comment' : `${commentCount} comments`;
  };
  showCount();

  function node(c) {
    const replies = el('ol', { class: 'replies' });
    const content = el('div', { class: 'comment-content' });
    content.innerHTML = c.contentHtml; // sanitized by Gazette
    const likes = likeButton({
      count: c.likeCount, liked: c.likedByMe === true, path: `comments/${c.id}/like`, label: `Like the comment by ${c.author.name}`,
    });
    const name = c.author.url ? el('a', { href: c.author.url, rel: 'nofollow ugc noopener' }, c.author.name) : c.author.name;
    const via = c.author.provider ? el('span', { class: 'via' }, ` (${c.author.provider})`) : null;
    const actions = el('p', { class: 'comment-actions' });
    const article = el('article', { class: 'comment-body', 'aria-label': `Comment by ${c.author.name}` },
      el('p', { class: 'comment-meta' }, el('span', { class: 'comment-author' }, 'Comment by ', name, via), ' | ',
        el('time', { datetime: c.createdAt }, date(c.createdAt))),
      content, likes.element, actions);
    const item = el('li', { class: 'comment', id: `comment-${c.id}`, 'data-id': c.id }, article, replies);
    const entry = { item, content, likes, replies, comment: c };
    nodes.set(c.id, entry);
    actions.append(el('button', { type: 'button', class: 'reply', onclick: () => openForm(entry) }, 'Reply'));
    if (mine(c)) {
      actions.append(' ', el('button', { type: 'button', class: 'edit', onclick: () => edit(entry) }, 'Edit'),
        ' ', el('button', { type: 'button', class: 'delete', onclick: () => confirmDelete(entry) }, 'Delete'));
    }
    for (const r of c.replies || []) {
      replies.append(node(r));
    }
    if (c.moreReplies) {
      item.append(moreReplies(entry, c.moreReplies));
    }
    return item;
  }

  /** This browser's comment (its edit key), or the signed-in commenter's, still inside the edit window. */
  function mine(c) {
    if (editKeys.get(c.id)) {
      return true;
    }
    return Boolean(me && c.author.commenterId === me.commenterId
      && Date.parse(c.createdAt) + options.commentEditWindowSeconds * 1000 > Date.now());
  }

  /** How an own comment is changed: its edit key when this browser holds it, else the ID token (identity: true). */
  function ownership(id) {
    const key = editKeys.get(id);
    return { identity: true, headers: key ? { 'X-Edit-Key': key } : {} };
  }

  function moreReplies(entry, more) {
    const button = el('button', { type: 'button', class: 'more-replies' },
      more.remaining === 1 ? '1 more reply' : `${more.remaining} more replies`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const page = await call(more.href, { visitor: true });
        for (const r of page.items) {
          if (!nodes.has(r.id)) {
            entry.replies.append(node(r));
          }
        }
        button.replaceWith(page.page.next
          ? moreReplies(entry, { remaining: Math.max(0, more.remaining - page.items.length), href: withCursor(more.href, page.page.next) })
          : '');
      } catch (e) {
        button.disabled = false;
        button.textContent = `Could not load replies (${e.message}); try again`;
      }
    });
    return button;
  }

  function withCursor(href, cursor) {
    const u = new URL(href, location.origin);
    u.searchParams.set('cursor', cursor);
    return u.pathname + u.search;
  }

  /** A comment from the stream, or the answer to this browser's own post: added where it belongs, or updated. */
  function upsert(c) {
    const known = nodes.get(c.id);
    if (known) {
      known.content.innerHTML = c.contentHtml;
      known.likes.set(c.likeCount);
      return false;
    }
    const parent = c.parentId ? nodes.get(c.parentId) : null;
    if (c.parentId && !parent) {
      return false; // under a thread not shown on this page
    }
    (parent ? parent.replies : list).append(node(c));
    return true;
  }

  function remove(id) {
    const known = nodes.get(id);
    if (!known) {
      return false;
    }
    known.item.remove();
    nodes.delete(id);
    return true;
  }

  // ---- the comment form (one, moved under the comment replied to)
  const status = el('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const parentField = el('input', { type: 'hidden', name: 'parentId', value: '' });
  const replyingTo = el('p', { class: 'replying-to' });
  const cancelReply = el('button', { type: 'button', class: 'cancel-reply', hidden: true }, 'Cancel reply');
  const field = (label, name, type, attrs = {}) => el('p', { class: `field field-${name}` },
    el('label', { for: `comment-${name}` }, label),
    type === 'textarea'
      ? el('textarea', { id: `comment-${name}`, name, rows: 6, ...attrs })
      : el('input', { id: `comment-${name}`, name, type, ...attrs }));
  // signed in: the name comes from the provider, and these are not asked for
  const anonymous = [
    field('Name', 'authorName', 'text', { required: true, autocomplete: 'name', maxlength: 200 }),
    field('Email (never shown)', 'authorEmail', 'email', { required: true, autocomplete: 'email', maxlength: 320 }),
    field('Website', 'authorUrl', 'url', { autocomplete: 'url', placeholder: 'https://' }),
  ];
  const account = el('div', { class: 'account' });
  const accountStatus = el('p', { class: 'account-status', role: 'status', 'aria-live': 'polite' }, notice || '');
  const form = el('form', { class: 'comment-form', id: 'comment-form', novalidate: true },
    replyingTo,
    account,
    accountStatus,
    field('Comment', 'content', 'textarea', { required: true, maxlength: 5000 }),
    ...anonymous,
    // the honeypot: hidden from people (and from assistive technology); bots fill it in
    el('p', { class: 'honeypot', 'aria-hidden': 'true' },
      el('label', { for: 'comment-honeypot' }, 'Leave this empty'),
      el('input', { id: 'comment-honeypot', name: 'honeypot', type: 'text', tabindex: '-1', autocomplete: 'off' })),
    parentField,
    el('p', { class: 'submit' }, el('button', { type: 'submit' }, 'Post comment'), ' ', cancelReply),
    status);
  const respond = el('section', { class: 'respond', 'aria-labelledby': 'respond-title' },
    el('h2', { id: 'respond-title' }, 'Leave a reply'), form);

  function openForm(entry) {
    parentField.value = String(entry.comment.id);
    replyingTo.textContent = `Replying to ${entry.comment.author.name}`;
    cancelReply.hidden = false;
    entry.item.querySelector(':scope > article').after(respond);
    form.querySelector('textarea').focus();
  }

  function closeReply() {
    parentField.value = '';
    replyingTo.textContent = '';
    cancelReply.hidden = true;
    section.append(respond);
  }
  cancelReply.addEventListener('click', closeReply);

  /** "Signed in as <name> (<provider>) · Sign out", or a "Sign in with <provider>" button per provider. */
  function showAccount() {
    const session = signedIn.get();
    for (const p of anonymous) {
      p.hidden = Boolean(session);
    }
    if (session) {
      account.replaceChildren(el('p', { class: 'signed-in' }, 'Signed in as ', el('strong', {}, session.name),
        ` (${session.provider}) `,
        el('button', { type: 'button', class: 'sign-out', onclick: () => { signOut(); location.reload(); } }, 'Sign out')));
    } else if (options.providers.length) {
      account.replaceChildren(el('p', { class: 'sign-in' }, 'Comment with an account you have: ',
        ...options.providers.map((p) => el('button', {
          type: 'button',
          class: 'sign-in-with',
          onclick: async () => {
            try {
              await signIn(p);
            } catch (e) {
              accountStatus.textContent = e.message;
            }
          },
        }, `Sign in with ${p.name}`)), ' or with your name and email below.'));
    } else {
      account.replaceChildren();
    }
  }
  showAccount();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = {
      content: data.get('content'), authorName: data.get('authorName'), authorEmail: data.get('authorEmail'),
      honeypot: data.get('honeypot') || '',
    };
    if (data.get('authorUrl')) {
      body.authorUrl = data.get('authorUrl');
    }
    if (data.get('parentId')) {
      body.parentId = Number(data.get('parentId'));
    }
    const session = signedIn.get();
    if (session) { // name and email come from the ID token
      delete body.authorName;
      delete body.authorEmail;
      delete body.authorUrl;
      if (!body.content || !body.content.trim()) {
        status.textContent = 'Please write your comment.';
        return;
      }
    } else if (!body.content || !body.content.trim() || !body.authorName || !body.authorEmail) {
      status.textContent = 'Please fill in your comment, name and email.';
      showAccount(); // the sign-in may have expired meanwhile
      return;
    }
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    status.textContent = 'Sending…';
    try {
      const created = await call(`posts/${post.id}/comments`, { method: 'POST', body, identity: true });
      if (created.editKey) {
        editKeys.put(created.id, created.editKey, created.editableUntil);
      }
      status.textContent = outcome(created.status);
      if (created.status === 'approved') {
        if (upsert(created)) {
          commentCount += 1;
          showCount();
        }
      }
      form.querySelector('textarea').value = '';
      if (parentField.value) {
        closeReply();
      }
    } catch (e) {
      status.textContent = problemMessage(e);
      showAccount();
    } finally {
      submit.disabled = false;
    }
  });

  function edit(entry) {
    if (!mine(entry.comment) || entry.item.querySelector(':scope > article .edit-form')) {
      return;
    }
    const area = el('textarea', { id: `edit-${entry.comment.id}`, rows: 4 });
    area.value = entry.content.innerText.trim();
    const message = el('p', { role: 'status' });
    const box = el('form', { class: 'edit-form' },
      el('label', { for: `edit-${entry.comment.id}` }, 'Edit your comment'), area,
      el('p', {}, el('button', { type: 'submit' }, 'Save'), ' ',
        el('button', { type: 'button', onclick: () => { box.remove(); entry.content.hidden = false; } }, 'Cancel')), message);
    box.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const saved = await call(`comments/${entry.comment.id}`, { method: 'PATCH', body: { content: area.value }, ...ownership(entry.comment.id) });
        entry.content.innerHTML = saved.contentHtml;
        entry.content.hidden = false;
        box.remove();
      } catch (e) {
        message.textContent = e instanceof ApiError && e.status === 403 ? 'The time to edit this comment has passed.' : e.message;
      }
    });
    entry.content.hidden = true;
    entry.content.after(box);
    area.focus();
  }

  /** Delete asks once more, in the page (no dialog), then moves the comment to the trash. */
  function confirmDelete(entry) {
    const article = entry.item.querySelector(':scope > article');
    if (article.querySelector('.delete-confirm')) {
      return;
    }
    const message = el('span', { role: 'status' });
    const yes = el('button', { type: 'button', class: 'delete-yes' }, 'Yes, delete it');
    const box = el('p', { class: 'delete-confirm' }, 'Delete your comment? ', yes, ' ',
      el('button', { type: 'button', onclick: () => box.remove() }, 'Keep it'), ' ', message);
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        await call(`comments/${entry.comment.id}`, { method: 'DELETE', ...ownership(entry.comment.id) });
        if (remove(entry.comment.id)) {
          commentCount = Math.max(0, commentCount - 1);
          showCount();
        }
        live.textContent = 'Your comment was deleted.';
      } catch (e) {
        yes.disabled = false;
        message.textContent = e instanceof ApiError && e.status === 403 ? 'The time to delete this comment has passed.' : e.message;
      }
    });
    article.append(box);
    yes.focus();
  }

  // ---- the first page of threads
  const section = el('section', { class: 'discussion', id: 'comments', 'aria-labelledby': 'comments-title' }, title, live, list);
  const more = el('p', { class: 'more-threads' });
  section.append(more);
  async function threads(cursor) {
    const q = new URLSearchParams({ limit: '20', replies: '100' });
    if (cursor) {
      q.set('cursor', cursor);
    }
    const page = await call(`posts/${post.id}/comments?${q}`, { visitor: true });
    for (const c of page.items) {
      if (!nodes.has(c.id)) {
        list.append(node(c));
      }
    }
    more.replaceChildren(page.page.next
      ? el('button', { type: 'button', onclick: () => threads(page.page.next) }, 'More comments')
      : '');
  }
  if (!post.protected) {
    await threads(null);
  }
  if (post.commentStatus === 'open' && !post.protected) {
    section.append(respond);
  } else {
    section.append(el('p', { class: 'closed' }, 'Comments are closed.'));
  }

  // ---- live: the post's comment stream (the browser reconnects by itself, with Last-Event-ID)
  if (!post.protected && 'EventSource' in window) {
    const events = stream(post.id);
    events.addEventListener('ready', () => section.setAttribute('data-live', 'on'));
    events.addEventListener('comment', (e) => {
      const { action, comment } = JSON.parse(e.data);
      if (upsert(comment)) {
        commentCount += 1;
        showCount();
        if (action === 'created') {
          live.textContent = `New comment by ${comment.author.name}`;
        }
      }
    });
    events.addEventListener('comment-removed', (e) => {
      if (remove(JSON.parse(e.data).id)) {
        commentCount = Math.max(0, commentCount - 1);
        showCount();
      }
    });
    events.addEventListener('post', (e) => {
      const counts = JSON.parse(e.data);
      commentCount = counts.commentCount;
      showCount();
      postLikes.set(counts.likeCount);
    });
    events.addEventListener('reset', () => {
      list.replaceChildren();
      nodes.clear();
      threads(null);
    });
    events.addEventListener('closed', () => events.close());
    window.addEventListener('pagehide', () => events.close());
  }
  return section;
}
