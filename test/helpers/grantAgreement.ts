import assert from 'node:assert/strict';
import type { Agent } from './app.ts';

/**
 * A grant's agreement carried to binding through the grants' own pages: the officer sends it for `period`, a
 * member of the organisation accepts the PDF their page shows, the officer countersigns.
 */
export async function signAgreement(
  officer: Agent,
  member: Agent,
  grantId: string,
  period: { periodStart: string; periodEnd: string },
): Promise<void> {
  const from = `/grants/${grantId}`;
  assert.equal((await officer.submit(`${from}/agreement`, { ...period, version: '1' }, { from })).statusCode, 303);
  const sha = /name="sha256" value="([0-9a-f]{64})"/.exec((await member.get(from)).body)?.[1];
  assert.equal((await member.submit(`${from}/accept`, { sha256: sha!, confirm: 'yes' }, { from })).statusCode, 303);
  assert.equal((await officer.submit(`${from}/countersign`, {}, { from })).statusCode, 303);
}
