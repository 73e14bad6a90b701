import { test } from 'node:test';
import assert from 'node:assert/strict';
import { camt054Xml } from '../../../test/helpers/camt054.ts';
import { parseCamt054 } from './camt054.ts';

const file = camt054Xml({
  messageId: 'OCTROI-20261205T0900-a1b2c3',
  debtorIban: 'BE68539007547034',
  bookingDate: '2026-12-07',
  transfers: [
    { endToEndId: 'BEE-2026-00001-T1', amountCents: 4_552_320 },
    { endToEndId: 'BEE-2026-00002-T1', amountCents: 3_200_000 },
    { endToEndId: 'BEE-2026-00003-T1', amountCents: 1_000_005, returned: true },
  ],
});

test('a camt.054 reads as its booked transfers, by EndToEndId, in cents, returns marked', () => {
  const read = parseCamt054(file);
  assert.ok(read.ok);
  assert.deepEqual(
    read.value.map((t) => [t.endToEndId, t.amountCents, t.direction, t.returned, t.bookingDate]),
    [
      ['BEE-2026-00001-T1', 4_552_320, 'DBIT', false, '2026-12-07'],
      ['BEE-2026-00002-T1', 3_200_000, 'DBIT', false, '2026-12-07'],
      ['BEE-2026-00003-T1', 1_000_005, 'CRDT', true, '2026-12-07'],
    ],
  );
});

test('the older versions (camt.054.001.02, Sts as text) read alike; pending entries are left out', () => {
  const old = file
    .replace('camt.054.001.08', 'camt.054.001.02')
    .replaceAll('<Sts><Cd>BOOK</Cd></Sts>', '<Sts>BOOK</Sts>');
  const read = parseCamt054(old);
  assert.ok(read.ok);
  assert.equal(read.value.length, 3);
  const pending = file.replaceAll('<Cd>BOOK</Cd>', '<Cd>PDNG</Cd>');
  assert.deepEqual(parseCamt054(pending), { ok: false, error: 'no-transfers' });
});

test('what is not a camt.054 is refused with a reason, and no entity is expanded', () => {
  assert.deepEqual(parseCamt054('not xml at all'), { ok: false, error: 'not-xml' });
  assert.deepEqual(parseCamt054('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"/>'), {
    ok: false,
    error: 'not-camt054',
  });
  assert.deepEqual(parseCamt054(file.replace('>32000.00<', '>32,000.00<')), {
    ok: false,
    error: 'bad-amount',
  });
  const xxe =
    `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${file.slice(file.indexOf('<Document'))}`.replace(
      'BEE-2026-00001-T1',
      '&x;',
    );
  const read = parseCamt054(xxe);
  assert.ok(!read.ok || read.value.every((t) => !t.endToEndId.includes('root:')));
});
