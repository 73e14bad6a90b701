// The call the benchmarks fill: the standard form, BEE-like amounts and publics, created and
// published through the calls service as an officer would.
import type { App } from '../../src/app.ts';
import type { Actor } from '../../src/domain/access.ts';
import { standardForm } from '../../src/domain/forms/template.ts';
import { expectOk } from '../../src/domain/refusal.ts';

export const BENCH_PUBLICS = ['seniors', 'women', 'job-seekers', 'young-15-25', 'newcomers', 'precarious'];
export const BENCH_AMOUNTS = { grantMinCents: 1_000_000, grantMaxCents: 6_000_000, coFundingMaxPercent: 80 };

/** A published call of `funderId` open from `opensAt` to `closesAt`, with its application context. */
export async function publishBenchCall(
  app: App,
  officer: Actor,
  call: { funderId: string; code: string; opensAt: Date; closesAt: Date },
) {
  const { calls } = app.services;
  const callId = expectOk(
    await calls.createCall({
      actor: officer,
      form: standardForm(),
      call: {
        ...call,
        ...BENCH_AMOUNTS,
        title: { fr: 'Former les Bruxellois au numérique', nl: 'Brusselaars digitaal opleiden' },
        summary: { fr: 'Appel à projets', nl: 'Projectoproep' },
        description: { fr: 'Description', nl: 'Beschrijving' },
        budgetCents: 600_000_000,
        targetPublics: BENCH_PUBLICS,
      },
    }),
  );
  expectOk(await calls.publishCall({ actor: officer, callId }));
  return { callId, context: await calls.applicationContext(callId) };
}
