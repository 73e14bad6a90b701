import { z } from 'zod';
import type { ProviderSettings } from './commands/configureProvider.ts';
import { CLIENT_AUTH_METHODS, ID_TOKEN_ENCRYPTION_ALGS, ID_TOKEN_ENCRYPTION_ENCS } from './keys.ts';
import { DEFAULT_CLAIMS, type ClaimMapping } from './schema.ts';
import type { ProviderRow } from './service.ts';

const text = (max: number) =>
  z.string({ error: 'form.error.required' }).trim().min(1, 'form.error.required').max(max, 'form.error.tooLong');
const optional = (max: number) => z.string().trim().max(max, 'form.error.tooLong').optional().default('');
/** A claim's name as providers spell them (sub, given_name, egovnrn, urn:be:fedict:…); left empty, `fallback`. */
const claim = (fallback: string) =>
  optional(100)
    .transform((name) => name || fallback)
    .pipe(z.string().regex(/^([\w.:/-]+)?$/, 'admin.providers.claimInvalid'));

/** The provider form: what configureProvider takes, as typed in the administration's page. */
export const providerForm = z.object({
  slug: text(40).regex(/^[a-z0-9-]{2,40}$/, 'admin.providers.slugInvalid'),
  label: text(80),
  issuer: text(500).pipe(z.url('form.error.url')),
  clientId: text(200),
  /** Left empty when editing: the stored secret stays. */
  clientSecret: optional(500),
  scopes: text(300),
  acrValues: optional(300),
  claimSubject: claim(DEFAULT_CLAIMS.subject),
  claimName: claim(DEFAULT_CLAIMS.name),
  claimEmail: claim(DEFAULT_CLAIMS.email),
  claimLocale: claim(DEFAULT_CLAIMS.locale),
  /** Empty: the provider gives no national register number, or Octroi does not ask for it. */
  claimNationalNumber: claim(''),
  tokenEndpointAuthMethod: z.enum(CLIENT_AUTH_METHODS, 'form.error.choice').default('client_secret_basic'),
  /** Left empty when editing: the stored key stays. */
  clientPrivateKey: optional(20000),
  /** Empty: the provider does not encrypt its ID tokens. */
  idTokenEncryptionAlg: z.enum(['', ...ID_TOKEN_ENCRYPTION_ALGS], 'form.error.choice').default(''),
  idTokenEncryptionEnc: z.enum(['', ...ID_TOKEN_ENCRYPTION_ENCS], 'form.error.choice').default(''),
  /** Left empty when editing: the stored key stays. */
  idTokenDecryptionKey: optional(20000),
});

export function providerSettingsFrom(data: z.infer<typeof providerForm>): ProviderSettings {
  return {
    slug: data.slug,
    label: data.label,
    issuer: data.issuer,
    clientId: data.clientId,
    ...(data.clientSecret ? { clientSecret: data.clientSecret } : {}),
    scopes: data.scopes,
    claims: {
      subject: data.claimSubject,
      name: data.claimName,
      email: data.claimEmail,
      locale: data.claimLocale,
      ...(data.claimNationalNumber ? { nationalNumber: data.claimNationalNumber } : {}),
    },
    authorizationParams: data.acrValues ? { acr_values: data.acrValues } : {},
    tokenEndpointAuthMethod: data.tokenEndpointAuthMethod,
    ...(data.clientPrivateKey ? { clientPrivateKey: data.clientPrivateKey } : {}),
    idTokenEncryption: data.idTokenEncryptionAlg
      ? { alg: data.idTokenEncryptionAlg, enc: data.idTokenEncryptionEnc || null }
      : null,
    ...(data.idTokenDecryptionKey ? { idTokenDecryptionKey: data.idTokenDecryptionKey } : {}),
  };
}

/** A claim mapping as the form shows it: a new provider's form shows the standard claims (DEFAULT_CLAIMS). */
export function claimValues(claims: ClaimMapping): Record<string, string> {
  return {
    claimSubject: claims.subject,
    claimName: claims.name,
    claimEmail: claims.email,
    claimLocale: claims.locale,
    claimNationalNumber: claims.nationalNumber ?? '',
  };
}

/** A stored provider as the form shows it (never its secret nor its keys). */
export function providerValues(p: ProviderRow): Record<string, string> {
  return {
    slug: p.slug,
    label: p.label,
    issuer: p.issuer,
    clientId: p.clientId,
    clientSecret: '',
    scopes: p.scopes,
    acrValues: p.authorizationParams.acr_values ?? '',
    ...claimValues(p.claims),
    tokenEndpointAuthMethod: p.tokenEndpointAuthMethod,
    clientPrivateKey: '',
    idTokenEncryptionAlg: p.idTokenEncryptionAlg ?? '',
    idTokenEncryptionEnc: p.idTokenEncryptionEnc ?? '',
    idTokenDecryptionKey: '',
  };
}
