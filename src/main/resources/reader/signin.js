// Commenters sign in with an account they already have (OpenID Connect): the authorization code flow with PKCE,
// in the browser, as a public client (no secret here or anywhere). Gazette names the providers (GET /api/v1/sign-in)
// and checks the ID token sent as X-Id-Token; the token is kept in sessionStorage (api.js signedIn).
import { call, signedIn } from './api.js';

const PENDING = 'gazette-sign-in'; // sessionStorage: the flow under way { state, nonce, verifier, issuer, returnTo }

let options = null;

/** The providers and the edit window, asked for once per page; no providers when sign-in is off or unreachable. */
export async function signInOptions() {
  if (!options) {
    options = call('sign-in').catch(() => ({ providers: [], commentEditWindowSeconds: 0 }));
  }
  const o = await options;
  return { ...o, providers: o.providers.filter((p) => p.authorizationEndpoint && p.tokenEndpoint) };
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The provider sends the reader back to this page (the reader site's own address, without its query). */
function redirectUri() {
  return location.origin + location.pathname;
}

/** Sends the reader to the provider; they come back to this page with a code (completeSignIn). */
export async function signIn(provider) {
  if (!crypto.subtle) {
    throw new Error('Signing in needs this site on https.');
  }
  const verifier = random();
  const state = random();
  const nonce = random();
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING, JSON.stringify({ state, nonce, verifier, issuer: provider.issuer, returnTo: location.search }));
  const q = new URLSearchParams({
    response_type: 'code', client_id: provider.clientId, redirect_uri: redirectUri(), scope: provider.scope,
    code_challenge: challenge, code_challenge_method: 'S256', state, nonce,
  });
  location.assign(`${provider.authorizationEndpoint}?${q}`);
}

export function signOut() {
  signedIn.clear();
}

function claims(idToken) {
  const payload = idToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * On the page the provider sent the reader back to (?code=&state=, or ?error=): redeems the code at the token
 * endpoint with the verifier and puts the address back to what it was. Returns null when this is no such page,
 * else { error } or { name }. The browser checks that the token answers its own request (nonce, issuer,
 * audience); Gazette checks its signature and expiry on every use.
 */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  const state = params.get('state');
  if (!state || !(params.has('code') || params.has('error'))) {
    return null;
  }
  let pending = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  } catch {
    // none
  }
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', redirectUri() + ((pending && pending.returnTo) || ''));
  if (!pending || pending.state !== state) {
    return { error: 'The sign-in could not be completed (it was not started here); please try again.' };
  }
  if (params.get('error')) {
    return { error: `Sign-in was not completed: ${params.get('error_description') || params.get('error')}.` };
  }
  const provider = (await signInOptions()).providers.find((p) => p.issuer === pending.issuer);
  if (!provider) {
    return { error: 'That sign-in provider is not available any more.' };
  }
  let answer;
  try {
    const response = await fetch(provider.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
        client_id: provider.clientId, code_verifier: pending.verifier,
      }),
    });
    answer = await response.json().catch(() => ({}));
    if (!response.ok || !answer.id_token) {
      return { error: `${provider.name} refused the sign-in (${answer.error_description || answer.error || response.status}).` };
    }
  } catch (e) {
    return { error: `${provider.name} could not be reached to complete the sign-in (${e.message}).` };
  }
  const c = claims(answer.id_token);
  const audience = Array.isArray(c.aud) ? c.aud : [c.aud];
  if (c.nonce !== pending.nonce || c.iss !== provider.issuer || !audience.includes(provider.clientId)) {
    return { error: 'The sign-in answer was not for this request; please try again.' };
  }
  const name = c.name || c.preferred_username || c.nickname || 'you';
  signedIn.put({ token: answer.id_token, name, provider: provider.name, exp: c.exp });
  return { name };
}
