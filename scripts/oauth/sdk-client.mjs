// The official TypeScript SDK (@modelcontextprotocol/sdk 1.x) as an OAuth client of this server, unattended:
// 401 -> protected-resource and authorization-server metadata -> dynamic registration -> /authorize (PKCE S256)
// -> the consent form, the Last.fm stand-in's auth page and /lastfm-callback (a fetch-based "browser" with a
// cookie jar) -> code -> token -> tools/call get_recent_tracks as the signed-in user -> refresh (rotation) ->
// revoke (RFC 7009) -> 401. Discovery, registration, PKCE, the token exchange and the refresh are the SDK's own
// (auth() and the Streamable HTTP transport's authProvider); only the browser and the revocation request are here.
// Usage: node sdk-client.mjs <base URL>   (run by scripts/conformance-oauth.sh, from a directory with the SDK)
import { randomBytes } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { auth, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';

const base = process.argv[2];
const mcpUrl = new URL(`${base}/mcp`);
// nothing listens there: the browser stops at the redirect and hands the code over, as a desktop client's
// loopback listener would
const redirectUrl = 'http://127.0.0.1:43118/callback';

function check(condition, message) {
  if (!condition) {
    throw new Error(`check failed: ${message}`);
  }
}

/** A browser that keeps cookies and is followed by hand, redirect by redirect. */
class Browser {
  cookies = new Map();

  async go(url, init = {}) {
    const headers = new Headers(init.headers);
    const origin = new URL(url).origin;
    const jar = this.cookies.get(origin);
    if (jar && jar.size > 0) {
      headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      if (!this.cookies.has(origin)) {
        this.cookies.set(origin, new Map());
      }
      this.cookies.get(origin).set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }

  /** Consent, then every redirect until the client's redirect URI: its query. */
  async signIn(authorizationUrl) {
    const consent = await this.go(authorizationUrl.href);
    const page = await consent.text();
    check(consent.status === 200, `consent page: HTTP ${consent.status} ${page}`);
    check(page.includes('Sign in with Last.fm'), 'the consent page offers "Sign in with Last.fm"');
    const txn = /name="txn" value="([A-Za-z0-9_-]+)"/.exec(page)?.[1];
    check(txn, 'the consent form carries its transaction');
    let response = await this.go(`${base}/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ txn, decision: 'allow' }).toString()
    });
    for (let hops = 0; hops < 5; hops++) {
      check(response.status === 302, `a redirect, not HTTP ${response.status}: ${await response.text()}`);
      const location = new URL(response.headers.get('location'));
      if (location.href.startsWith(redirectUrl)) {
        return location.searchParams;
      }
      response = await this.go(location.href);
    }
    throw new Error('too many redirects');
  }
}

/** The SDK's OAuthClientProvider, kept in memory. */
class Provider {
  browser = new Browser();
  browserAllowed = true;
  redirects = 0;
  code = undefined;
  expectedState = randomBytes(16).toString('base64url');

  get redirectUrl() { return redirectUrl; }
  get clientMetadata() {
    return {
      client_name: 'TypeScript SDK OAuth check',
      redirect_uris: [redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none'
    };
  }
  state() { return this.expectedState; }
  clientInformation() { return this.client; }
  saveClientInformation(client) { this.client = client; }
  tokens() { return this.saved; }
  saveTokens(tokens) { this.saved = tokens; }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
  invalidateCredentials(scope) {
    if (scope === 'all' || scope === 'tokens') {
      this.saved = undefined;
    }
  }
  async redirectToAuthorization(url) {
    this.redirects++;
    if (!this.browserAllowed) {
      return;
    }
    check(url.searchParams.get('code_challenge_method') === 'S256', 'PKCE S256');
    check(url.searchParams.get('resource') === mcpUrl.href, `resource ${url.searchParams.get('resource')}`);
    const answer = await this.browser.signIn(url);
    check(!answer.has('error'), `authorization error ${answer.get('error')}: ${answer.get('error_description')}`);
    check(answer.get('state') === this.expectedState, 'the state comes back unchanged');
    check(answer.get('iss') === base, `iss ${answer.get('iss')} is the issuer ${base}`);
    this.code = answer.get('code');
  }
}

function text(result) {
  return result.content.filter(part => part.type === 'text').map(part => part.text).join('\n');
}

async function connect(provider) {
  const transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
  const client = new Client({ name: 'lastfm-mcp-oauth-check', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

const steps = [];

// 401 with the challenge
const anonymous = await fetch(mcpUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25',
    capabilities: {}, clientInfo: { name: 'anonymous', version: '1' } } })
});
check(anonymous.status === 401, `no credential: HTTP ${anonymous.status}`);
check((anonymous.headers.get('www-authenticate') ?? '').includes(
  `resource_metadata="${base}/.well-known/oauth-protected-resource/mcp"`), 'the challenge names the metadata');
steps.push('401');

// the SDK discovers, registers and starts the authorization; the browser brings the code back
const provider = new Provider();
try {
  await connect(provider);
  throw new Error('connected without signing in');
} catch (error) {
  check(error instanceof UnauthorizedError, `UnauthorizedError expected, got ${error}`);
}
check(provider.client?.client_id, 'registered a client');
check(provider.code, 'the browser brought a code back');
steps.push('metadata', 'registration', 'authorize', 'Last.fm', 'code');
const transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
await transport.finishAuth(provider.code);
const first = provider.tokens();
check(first?.access_token && first?.refresh_token, 'access and refresh tokens');
check(first.token_type.toLowerCase() === 'bearer', `token_type ${first.token_type}`);
steps.push('token');

// tools/call as the signed-in user: get_recent_tracks answers from calls signed with the user's session key
const client = await connect(provider);
const recent = await client.callTool({ name: 'get_recent_tracks', arguments: { limit: 1 } });
check(!recent.isError, `get_recent_tracks: ${text(recent)}`);
check(text(recent).includes('Feels Like We Only Go Backwards'), `get_recent_tracks: ${text(recent)}`);
const status = await client.callTool({ name: 'lastfm_auth_status', arguments: {} });
check(text(status).includes('MyLastFMUsername') && text(status).includes('TypeScript SDK OAuth check'),
  `lastfm_auth_status: ${text(status)}`);
steps.push('tools/call get_recent_tracks as MyLastFMUsername');

// refresh through the SDK: a new access token and a rotated refresh token; the session goes on with them
check(await auth(provider, { serverUrl: mcpUrl }) === 'AUTHORIZED', 'refresh');
const second = provider.tokens();
check(second.access_token !== first.access_token, 'a new access token');
check(second.refresh_token !== first.refresh_token, 'a rotated refresh token');
const again = await client.callTool({ name: 'get_recent_tracks', arguments: { limit: 1 } });
check(!again.isError, `get_recent_tracks after the refresh: ${text(again)}`);
steps.push('refresh');

// revoke (RFC 7009, the SDK has no helper for it): the family ends, the next call is a 401 the SDK cannot
// recover from without a person (its refresh is refused, and no browser is allowed now)
const revoked = await fetch(`${base}/oauth/revoke`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ token: second.refresh_token, client_id: provider.client.client_id }).toString()
});
check(revoked.status === 200, `revocation: HTTP ${revoked.status}`);
steps.push('revoke');
const raw = await fetch(mcpUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream',
    authorization: `Bearer ${second.access_token}` },
  body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'ping' })
});
check(raw.status === 401, `the revoked access token: HTTP ${raw.status}`);
check((raw.headers.get('www-authenticate') ?? '').includes('error="invalid_token"'), 'invalid_token');
provider.browserAllowed = false;
const redirectsBefore = provider.redirects;
try {
  await client.callTool({ name: 'get_recent_tracks', arguments: { limit: 1 } });
  throw new Error('a call after the revocation succeeded');
} catch (error) {
  check(error instanceof UnauthorizedError, `UnauthorizedError after the revocation, got ${error}`);
}
check(provider.redirects === redirectsBefore + 1, 'the SDK had to ask for a new sign-in');
steps.push('401');
await client.close();
console.log(steps.join(' -> '));
