// The reader's only way to Gazette: the public API, as any front-end on any origin would call it.

const API = '/api/v1';

/** The anonymous id this browser likes with (X-Visitor-Id), kept in localStorage. */
export function visitorId() {
  let id = localStorage.getItem('gazette-visitor');
  if (!id) {
    // randomUUID needs a secure context (https, or localhost); getRandomValues works everywhere
    id = crypto.randomUUID ? crypto.randomUUID()
      : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem('gazette-visitor', id);
  }
  return id;
}

/** An answer that is not a success: its status, problem (when the body is one) and Retry-After. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem && problem.detail ? problem.detail : `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

/**
 * The signed-in commenter of this tab (sessionStorage: gone when the tab closes): their OpenID Connect ID token,
 * with the name and provider to show. A token about to expire counts as signed out (the API would refuse it).
 */
export const signedIn = {
  get() {
    try {
      const s = JSON.parse(sessionStorage.getItem('gazette-id-token') || 'null');
      if (s && s.exp * 1000 > Date.now() + 30000) {
        return s;
      }
    } catch {
      // unreadable: signed out
    }
    sessionStorage.removeItem('gazette-id-token');
    return null;
  },
  put(session) {
    sessionStorage.setItem('gazette-id-token', JSON.stringify(session));
  },
  clear() {
    sessionStorage.removeItem('gazette-id-token');
  },
};

/**
 * Calls the API; JSON in and out. `visitor` says who is asking, for likes and likedByMe: the signed-in commenter's
 * X-Id-Token, else this browser's X-Visitor-Id. `identity` sends the ID token when signed in (comments, edits).
 */
export async function call(path, { method = 'GET', body, visitor = false, identity = false, headers = {} } = {}) {
  const h = { Accept: 'application/json', ...headers };
  const session = visitor || identity ? signedIn.get() : null;
  if (session) {
    h['X-Id-Token'] = session.token;
  } else if (visitor) {
    h['X-Visitor-Id'] = visitorId();
  }
  if (body !== undefined) {
    h['Content-Type'] = 'application/json';
  }
  const url = path.startsWith('/') ? path : `${API}/${path}`;
  const response = await fetch(url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 401 && session) {
      signedIn.clear(); // the token was refused (expired, provider no longer configured): signed out
    }
    throw new ApiError(response.status, json, response.headers.get('Retry-After'));
  }
  return json;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') {
      q.set(k, v);
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The edit keys of this browser's comments, by comment id: { key, until }. */
export const editKeys = {
  all() {
    try {
      return JSON.parse(localStorage.getItem('gazette-edit-keys') || '{}');
    } catch {
      return {};
    }
  },
  get(id) {
    const k = this.all()[id];
    return k && Date.parse(k.until) > Date.now() ? k.key : null;
  },
  put(id, key, until) {
    const all = this.all();
    for (const [other, k] of Object.entries(all)) {
      if (Date.parse(k.until) < Date.now()) {
        delete all[other];
      }
    }
    all[id] = { key, until };
    localStorage.setItem('gazette-edit-keys', JSON.stringify(all));
  },
};

export function stream(postId) {
  return new EventSource(`${API}/posts/${postId}/comments/stream`);
}
