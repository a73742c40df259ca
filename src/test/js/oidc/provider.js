// A real OpenID provider (the certified oidc-provider package) for Gazette's commenter sign-in tests.
//
//   node provider.js            listens on a free port of 127.0.0.1 and prints "READY <issuer>" on stdout
//
// The issuer is http://127.0.0.1:<port>. The client gazette-web may also redirect to http://localhost:<any port>/
// (the reader site, signing in in a real browser: ReaderBrowserTest). Besides the provider's own endpoints (discovery, JWKS, /auth,
// /token, ...), test-only routes under /test/ drive it without a browser:
//   GET  /test/id-token?sub=&name=&email=&picture=&client=   an ID token obtained through the real
//        authorization-code + PKCE flow (the development login and consent forms submitted by this script)
//   POST /test/rotate        a new signing key replaces the old one (JWKS publishes only the new one)
//   GET  /test/signing-key   the current private signing key (JWK), to forge expired or re-signed tokens
// Nothing here is meant for production: the keys are generated at start and kept in memory.
import { createServer } from 'node:http';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const CLIENTS = ['gazette-web', 'other-app'];
const REDIRECT = 'http://127.0.0.1/callback';
// the reader site in a browser (ReaderBrowserTest): its page is the redirect URI; a native client's loopback
// redirect URIs match on any port (RFC 8252 7.3), and the test's Gazette listens on a free one
const READER = 'http://localhost/';
const accounts = new Map(); // sub -> claims

function newKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: 'k-' + randomBytes(6).toString('hex'), alg: 'RS256', use: 'sig' };
}

let issuer;
let key = newKey();
let provider;

function makeProvider() {
  const p = new Provider(issuer, {
    clients: CLIENTS.map((id) => ({
      client_id: id,
      token_endpoint_auth_method: 'none',
      redirect_uris: [REDIRECT, READER],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      application_type: 'native',
    })),
    jwks: { keys: [key] },
    // profile claims (name, picture, email) in the ID token itself, as Gazette reads them there
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], profile: ['name', 'picture'], email: ['email', 'email_verified'] },
    async findAccount(ctx, sub) {
      return {
        accountId: sub,
        async claims() {
          return { sub, ...(accounts.get(sub) || {}) };
        },
      };
    },
    cookies: { keys: ['test-only-cookie-key'] },
    // the reader redeems the code from its page (fetch to /token): CORS for the origins of the client's loopback
    // redirect URIs, on any port (the default compares ports too)
    clientBasedCORS(ctx, origin, client) {
      const loopback = (u) => { const p = URL.parse(u); return p && p.protocol === 'http:' ? p.hostname : null; };
      return client.redirectUris.some((uri) => loopback(uri) === loopback(origin) && loopback(origin) !== null);
    },
    ttl: { IdToken: 3600 },
  });
  p.proxy = false;
  return p;
}

/** Runs the authorization code + PKCE flow against this provider, as a browser would, and returns the token answer. */
async function signIn(sub, client) {
  const jar = new Map();
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const go = async (url, init = {}) => {
    const headers = { ...(init.headers || {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    const res = await fetch(new URL(url, issuer), { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  };
  const form = (fields) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const auth = new URLSearchParams({
    client_id: client, response_type: 'code', redirect_uri: REDIRECT, scope: 'openid profile email',
    code_challenge: challenge, code_challenge_method: 'S256', state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
  });
  let res = await go('/auth?' + auth);
  let code;
  for (let step = 0; step < 10 && !code; step++) {
    const location = res.headers.get('location');
    if (!location) {
      throw new Error(`flow stopped at ${res.status}: ${await res.text()}`);
    }
    const url = new URL(location, issuer);
    if (url.href.startsWith(REDIRECT)) {
      code = url.searchParams.get('code');
      if (!code) throw new Error('no code: ' + url.search);
      break;
    }
    if (url.pathname.startsWith('/interaction/')) {
      const page = await (await go(url)).text();
      const prompt = page.includes('name="login"') ? 'login' : 'consent';
      res = await go(url.pathname, form(prompt === 'login' ? { prompt, login: sub, password: 'x' } : { prompt }));
    } else {
      res = await go(url);
    }
  }
  const token = await fetch(new URL('/token', issuer), form({
    grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: client, code_verifier: verifier,
  }));
  const body = await token.json();
  if (!token.ok) throw new Error('token endpoint: ' + JSON.stringify(body));
  return body;
}

async function testRoute(req, res, url) {
  const send = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  try {
    if (url.pathname === '/test/id-token') {
      const q = url.searchParams;
      const sub = q.get('sub') || 'user-' + randomBytes(4).toString('hex');
      const claims = {};
      for (const name of ['name', 'email', 'picture']) {
        if (q.get(name)) claims[name] = q.get(name);
      }
      if (claims.email) claims.email_verified = true;
      accounts.set(sub, claims);
      const tokens = await signIn(sub, q.get('client') || CLIENTS[0]);
      return send(200, { id_token: tokens.id_token, sub });
    }
    if (url.pathname === '/test/rotate' && req.method === 'POST') {
      key = newKey();
      provider = makeProvider();
      return send(200, { kid: key.kid });
    }
    if (url.pathname === '/test/signing-key') {
      return send(200, key);
    }
    return send(404, { error: 'not found' });
  } catch (e) {
    return send(500, { error: String(e && e.stack || e) });
  }
}

const server = createServer((req, res) => {
  const url = new URL(req.url, issuer);
  if (url.pathname.startsWith('/test/')) {
    testRoute(req, res, url);
    return;
  }
  provider.callback()(req, res);
});
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  issuer = `http://127.0.0.1:${server.address().port}`;
  provider = makeProvider();
  console.log('READY ' + issuer);
});
process.stdin.on('end', () => process.exit(0)); // the test closes stdin (or dies): stop with it
process.stdin.resume();
