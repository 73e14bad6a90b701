// A real OpenID Connect provider (the npm `oidc-provider`) started on loopback, its accounts carrying
// claims like FAS's, for the tests of sign-in through a provider: over HTTP with inject, and in Chromium.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error oidc-provider ships no type declarations (tests only)
import Provider from 'oidc-provider';

/** Accounts as FAS gives them: a stable opaque subject, names, mail, the national register number. */
export const ACCOUNTS: Record<string, Record<string, string>> = {
  'fas-0001': {
    sub: 'fas-0001',
    given_name: 'Fatima',
    family_name: 'El Amrani',
    name: 'Fatima El Amrani',
    email: 'fatima@example.be',
    locale: 'fr',
    egovnrn: '85073003328',
  },
  'fas-0002': {
    sub: 'fas-0002',
    given_name: 'Pieter',
    family_name: 'Claes',
    name: 'Pieter Claes',
    email: 'p@example.be',
    locale: 'nl',
    egovnrn: '90020199740',
  },
  'fas-0003': { sub: 'fas-0003', name: 'Sofie Janssens', email: 'sofie@example.be', locale: 'nl' },
  'fas-0004': { sub: 'fas-0004', name: 'Karim Benali', email: 'karim@example.be', locale: 'fr' },
};

export const FAS_LEVEL = 'urn:be:fedict:iam:fas:Level';

/** The client every test registers as FAS's: its redirect_uri is the public address's /sign-in/oidc/fas/callback. */
export const FAS_CLIENT = { clientId: 'octroi', clientSecret: 'a-client-secret-long-enough-for-hs256' };

/** The provider's signing key (its JWKS publishes the public half), and another that is not the provider's. */
export const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
export const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const KID = 'fas-signing-key';

/** A JWT signed RS256 with `key` under the provider's key id, as a forger or a broken provider would make one. */
export function signJwt(claims: Record<string, unknown>, key: KeyObject): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', kid: KID, typ: 'JWT' })}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

export interface LoopbackProvider {
  /** Who signs in next when the provider asks no one (`pages` off), and the level of assurance it vouches for. */
  state: { account: string; acr: string };
  issuer: string;
  close(): Promise<void>;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><main><h1>${title}</h1>${body}</main></body></html>`;

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return new URLSearchParams(text);
}

/**
 * Starts the provider. Its client `octroi` (FAS_CLIENT) sends people back to `publicUrl`; `clients`
 * adds others. Without `pages`, the person signing in is `state.account` and consents at once (a
 * test following redirects by hand); with `pages`, the provider shows a login page asking which
 * account and a consent page, as a browser would see them.
 */
export async function startOidcProvider(opts: {
  publicUrl: string;
  clients?: Record<string, unknown>[];
  pages?: boolean;
}): Promise<LoopbackProvider> {
  const state = { account: 'fas-0001', acr: `${FAS_LEVEL}450` };
  const consent = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    const grant = new provider.Grant({
      accountId: details.session!.accountId,
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope(String(details.params.scope));
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  };
  const login = (req: IncomingMessage, res: ServerResponse, account: string) =>
    provider.interactionFinished(
      req,
      res,
      { login: { accountId: account, acr: state.acr } },
      { mergeWithLastSubmission: false },
    );
  const interaction = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    if (!opts.pages) return details.prompt.name === 'login' ? login(req, res, state.account) : consent(req, res);
    if (req.method === 'POST')
      return details.prompt.name === 'login'
        ? login(req, res, (await formBody(req)).get('account') ?? '')
        : consent(req, res);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      details.prompt.name === 'login'
        ? page(
            'Sign in at the test provider',
            `<form method="post"><label for="account">Account</label> <input id="account" name="account">` +
              `<button type="submit">Continue</button></form>`,
          )
        : page('Share your details with Octroi?', `<form method="post"><button type="submit">Allow</button></form>`),
    );
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (req.url?.startsWith('/interaction/') ? interaction(req, res) : provider.callback()(req, res)).catch(
      (error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The handlers above read it only once requests come, after this line.
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: FAS_CLIENT.clientId,
        client_secret: FAS_CLIENT.clientSecret,
        redirect_uris: [`${opts.publicUrl}/sign-in/oidc/fas/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      ...(opts.clients ?? []),
    ],
    findAccount: async (_ctx: unknown, id: string) =>
      ACCOUNTS[id] ? { accountId: id, claims: async () => ({ ...ACCOUNTS[id]! }) } : undefined,
    claims: {
      // The level of assurance FAS vouches for, in every ID token.
      acr: null,
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'locale'],
      email: ['email'],
      egovnrn: ['egovnrn'],
    },
    scopes: ['openid', 'profile', 'email', 'egovnrn'],
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, encryption: { enabled: true } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['a-test-cookie-key'] },
    jwks: { keys: [{ ...signingKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' }] },
    acrValues: [`${FAS_LEVEL}100`, `${FAS_LEVEL}200`, `${FAS_LEVEL}450`],
    pkce: { required: () => true },
  });
  provider.proxy = false;
  return { state, issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * A browser at the provider: follows its redirects, keeping its cookies, until it is sent back to
 * `publicUrl`; returns that address's path and query.
 */
export async function throughProvider(authorizationUrl: string, publicUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hops = 0; hops < 10; hops++) {
    if (url.startsWith(publicUrl)) return url.slice(publicUrl.length);
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (value) jar.set(name!, value);
      else jar.delete(name!);
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url}: ${res.status} ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}
