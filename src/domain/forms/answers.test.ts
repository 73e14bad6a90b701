import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Budget, FormDefinition, RawAnswers, RawBudget } from './definition.ts';
import {
  answersToStore,
  canonicalAnswers,
  MAX_BUDGET_LINES,
  MAX_INPUT_LENGTH,
  MAX_TITLE_LENGTH,
  missingForSubmission,
  normaliseAnswers,
  readTitle,
  parseNumber,
  requestedCents,
  searchableText,
  type AnswerContext,
} from './answers.ts';

const t = (fr: string) => ({ fr });

const form: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: t('Le projet'),
      fields: [
        { id: 'title', type: 'short-text', label: t('Titre du projet'), required: true, maxLength: 100 },
        { id: 'summary', type: 'long-text', label: t('Résumé'), required: true, maxLength: 10 },
        { id: 'start', type: 'date', label: t('Début'), required: false },
        {
          id: 'kind',
          type: 'single-choice',
          label: t('Type'),
          required: false,
          options: [
            { value: 'training', label: t('Formation') },
            { value: 'support', label: t('Accompagnement') },
          ],
        },
        {
          id: 'tools',
          type: 'multi-choice',
          label: t('Outils'),
          required: false,
          options: [
            { value: 'pc', label: t('PC') },
            { value: 'phone', label: t('Smartphone') },
            { value: 'tablet', label: t('Tablette') },
          ],
        },
        { id: 'partner', type: 'yes-no', label: t('Partenariat'), required: true },
      ],
    },
    {
      id: 'publics',
      title: t('Publics et territoire'),
      fields: [
        { id: 'communes', type: 'communes', label: t('Communes'), required: true },
        { id: 'publics', type: 'target-publics', label: t('Publics'), required: true },
        { id: 'areas', type: 'digcomp-areas', label: t('Domaines DigComp'), required: false },
        { id: 'participants', type: 'participants-per-public', label: t('Participants'), required: true },
        {
          id: 'sessions',
          type: 'number',
          label: t('Nombre de séances'),
          required: false,
          min: 1,
          max: 200,
          integer: true,
        },
        { id: 'hours', type: 'number', label: t('Heures par séance'), required: false, min: 0.5, max: 8 },
      ],
    },
    {
      id: 'finances',
      title: t('Budget'),
      fields: [
        { id: 'budget', type: 'budget-table', label: t('Budget du projet'), required: true },
        { id: 'own', type: 'money', label: t('Fonds propres'), required: false, min: 100_00, max: 50_000_00 },
        { id: 'annexes', type: 'file', label: t('Annexes'), required: false, maxFiles: 2 },
      ],
    },
  ],
};

const ctx: AnswerContext = {
  targetPublics: ['homeless', 'women', 'young-15-25'],
  grant: { minCents: 30_000_00, maxCents: 60_000_00, coFundingMaxPercent: null },
};

const budget = (over: Partial<RawBudget> = {}): RawBudget => ({
  lines: [
    { category: 'staff', label: 'Formateur à mi-temps', amount: '30.000,00' },
    { category: 'equipment', label: 'Ordinateurs portables', amount: '12 500 €' },
  ],
  requested: '40.000',
  otherFunding: [{ source: 'Commune de Schaerbeek', amount: '2.500' }],
  ...over,
});

const complete: RawAnswers = {
  title: '  Un foyer numérique  ',
  summary: 'Ateliers',
  partner: 'no',
  communes: ['21015', '21004'],
  publics: 'homeless',
  participants: { homeless: '40' },
  budget: budget(),
};

const draft = (raw: RawAnswers, c: AnswerContext = ctx) => normaliseAnswers(form, raw, c, { forSubmission: false });
const submit = (raw: RawAnswers, c: AnswerContext = ctx) => normaliseAnswers(form, raw, c, { forSubmission: true });
const one = (id: string, raw: RawAnswers[string], mode: 'draft' | 'submit' = 'submit', c: AnswerContext = ctx) => {
  const r = (mode === 'draft' ? draft : submit)({ ...complete, [id]: raw }, c);
  return { value: r.values[id], error: r.errors[id] };
};

test('a complete application passes, with typed values for every field of the form', () => {
  const r = submit(complete);
  assert.deepEqual(r.errors, {});
  assert.deepEqual(Object.keys(r.values), [
    'title',
    'summary',
    'start',
    'kind',
    'tools',
    'partner',
    'communes',
    'publics',
    'areas',
    'participants',
    'sessions',
    'hours',
    'budget',
    'own',
    'annexes',
  ]);
  assert.equal(r.values.title, 'Un foyer numérique');
  assert.equal(r.values.partner, false);
  assert.deepEqual(r.values.communes, ['21004', '21015']); // reference order, not click order
  assert.deepEqual(r.values.publics, ['homeless']);
  assert.deepEqual(r.values.participants, { homeless: 40 });
  assert.equal(r.values.start, null);
});

test('an empty draft saves without any complaint', () => {
  assert.deepEqual(draft({}).errors, {});
  assert.ok(Object.values(draft({}).values).every((v) => v === null));
});

test('drafts keep malformed input but report it; the raw answers are left untouched', () => {
  const raw: RawAnswers = { sessions: 'douze', start: '31/01/2027', own: '0,125', kind: 'other', communes: '1030' };
  const copy = structuredClone(raw);
  const r = draft(raw);
  assert.deepEqual(r.errors, {
    start: { code: 'invalid-date' },
    kind: { code: 'invalid-choice' },
    communes: { code: 'invalid-commune' },
    sessions: { code: 'not-a-number' },
    own: { code: 'invalid-money', values: { reason: 'too-many-decimals' } },
  });
  assert.deepEqual(raw, copy);
  assert.equal(r.values.sessions, null, 'no typed value for what does not parse');
});

test('required answers are asked for at submission only', () => {
  assert.equal(draft({ title: 'x' }).errors.summary, undefined);
  const r = submit({});
  for (const id of ['title', 'summary', 'partner', 'communes', 'publics', 'participants', 'budget']) {
    assert.deepEqual(r.errors[id], { code: 'required' }, id);
  }
  for (const id of ['start', 'kind', 'tools', 'areas', 'sessions', 'hours', 'own', 'annexes'])
    assert.equal(r.errors[id], undefined, id);
});

test('blank strings, empty arrays and empty hidden inputs are no answer', () => {
  for (const blank of ['', '   ', '\r\n', [], [''], ['  ', '']]) {
    assert.deepEqual(one('title', blank), { value: null, error: { code: 'required' } }, JSON.stringify(blank));
    assert.deepEqual(one('communes', blank), { value: null, error: { code: 'required' } }, JSON.stringify(blank));
  }
  assert.deepEqual(one('participants', { homeless: '', women: ' ' }), { value: null, error: { code: 'required' } });
  assert.deepEqual(one('own', '€'), { value: null, error: undefined });
});

test('answers to fields the form does not have are dropped, whatever their name', () => {
  const raw = JSON.parse('{"__proto__": "x", "constructor": "y", "removed-field": "z"}') as RawAnswers;
  const r = draft(raw);
  assert.deepEqual(r.errors, {});
  assert.ok(!('removed-field' in r.values) && !Object.hasOwn(r.values, '__proto__'));
});

test('a value of the wrong shape is refused, never coerced', () => {
  assert.deepEqual(one('title', { a: 'b' }, 'draft').error, { code: 'invalid-value' });
  assert.deepEqual(one('kind', ['training', 'support'], 'draft').error, { code: 'invalid-value' });
  assert.deepEqual(one('tools', { pc: 'on' }, 'draft').error, { code: 'invalid-value' });
  assert.deepEqual(one('budget', 'lots of money', 'draft').error, { code: 'invalid-value' });
  assert.deepEqual(one('participants', ['12'], 'draft').error, { code: 'invalid-value' });
});

test('long text: the limit counts characters as the browser does, accents and line breaks as one', () => {
  // 10 characters (11 UTF-16 units with CRLF, more in bytes): the CRLF a form posts is one line break, "é" is one character.
  assert.deepEqual(one('summary', 'Café\r\nthé!!'), { value: 'Café\nthé!!', error: undefined });
  // A decomposed accent (e + U+0301, as some keyboards send it) is composed, then counted once.
  assert.deepEqual(one('summary', 'Ce\u0301cile\r\nA'), { value: 'Cécile\nA', error: undefined });
  assert.deepEqual(one('summary', '🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂'), { value: '🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂', error: undefined });
  assert.deepEqual(one('summary', 'Café\r\nthé!!!'), {
    value: 'Café\nthé!!!',
    error: { code: 'too-long', values: { max: 10 } },
  });
  // Spaces around do not count; a too-long text is reported in a draft as well, and kept.
  assert.deepEqual(one('summary', '   0123456789   \r\n'), { value: '0123456789', error: undefined });
  assert.deepEqual(one('summary', '0123456789ab', 'draft'), {
    value: '0123456789ab',
    error: { code: 'too-long', values: { max: 10 } },
  });
});

test('numbers: Belgian comma or dot, spaces and dots grouping thousands', () => {
  const cases: [string, number][] = [
    ['12', 12],
    ['12,5', 12.5],
    ['12.5', 12.5],
    [' 7 ', 7],
    ['1 250', 1250],
    ['1.000', 1000],
    ['1.250,75', 1250.75],
    ['0,125', 0.125],
    ['-3', -3],
    ['\u22123,5', -3.5],
    ['-0', 0],
  ];
  for (const [text, n] of cases) assert.equal(parseNumber(text), n, text);
  for (const text of [
    'douze',
    '12a',
    '1,2,3',
    '12,',
    ',5',
    '1 2',
    '1.2.3',
    '1e3',
    '0x10',
    '--1',
    '1.234 567,8',
    'NaN',
    'Infinity',
    '',
  ]) {
    assert.equal(parseNumber(text), null, text);
  }
  assert.deepEqual(one('hours', '2,5'), { value: 2.5, error: undefined });
  assert.deepEqual(one('sessions', 'vingt', 'draft'), { value: null, error: { code: 'not-a-number' } });
  assert.deepEqual(one('sessions', '12,5', 'draft'), { value: null, error: { code: 'not-an-integer' } });
});

test('number bounds are checked at submission only', () => {
  assert.deepEqual(one('sessions', '0', 'draft'), { value: 0, error: undefined });
  assert.deepEqual(one('sessions', '0'), { value: 0, error: { code: 'below-min', values: { min: 1 } } });
  assert.deepEqual(one('sessions', '201'), { value: 201, error: { code: 'above-max', values: { max: 200 } } });
  assert.deepEqual(one('hours', '0,25'), { value: 0.25, error: { code: 'below-min', values: { min: 0.5 } } });
  assert.deepEqual(one('sessions', '200'), { value: 200, error: undefined });
});

test('money in Belgian formats becomes cents; bounds in cents at submission', () => {
  for (const [text, cents] of [
    ['1.234,56', 123_456],
    ['1 234,56 €', 123_456],
    ['€ 1234.5', 123_450],
    ['100', 10_000],
    ['50.000', 5_000_000],
  ] as const) {
    assert.deepEqual(one('own', text), { value: cents, error: undefined }, text);
  }
  assert.deepEqual(one('own', '99,99'), { value: 9_999, error: { code: 'below-min', values: { minCents: 10_000 } } });
  assert.deepEqual(one('own', '99,99', 'draft'), { value: 9_999, error: undefined });
  assert.deepEqual(one('own', '50.000,01'), {
    value: 5_000_001,
    error: { code: 'above-max', values: { maxCents: 5_000_000 } },
  });
  for (const [text, reason] of [
    ['cent euros', 'invalid'],
    ['0,125', 'too-many-decimals'],
    ['-100', 'negative'],
    ['999999999999999', 'too-large'],
  ] as const) {
    assert.deepEqual(
      one('own', text, 'draft'),
      { value: null, error: { code: 'invalid-money', values: { reason } } },
      text,
    );
  }
});

test('dates are YYYY-MM-DD and real calendar days', () => {
  for (const d of ['2027-01-15', '2028-02-29', '2000-02-29'])
    assert.deepEqual(one('start', d), { value: d, error: undefined }, d);
  for (const d of [
    '2027-02-29',
    '1900-02-29',
    '2027-04-31',
    '2027-13-01',
    '2027-00-10',
    '2027-01-00',
    '15/01/2027',
    '2027-1-5',
    '2027-01-15T10:00',
  ]) {
    assert.deepEqual(one('start', d, 'draft'), { value: null, error: { code: 'invalid-date' } }, d);
  }
});

test('choices must be among the options; one value sent as a string counts as a list of one', () => {
  assert.deepEqual(one('kind', 'support'), { value: 'support', error: undefined });
  assert.deepEqual(one('kind', 'Support', 'draft').error, { code: 'invalid-choice' });
  assert.deepEqual(one('tools', 'phone'), { value: ['phone'], error: undefined });
  assert.deepEqual(one('tools', ['tablet', '', 'pc', 'tablet']), { value: ['pc', 'tablet'], error: undefined });
  assert.deepEqual(one('tools', ['pc', 'fax'], 'draft'), { value: null, error: { code: 'invalid-choice' } });
  assert.deepEqual(one('partner', 'yes'), { value: true, error: undefined });
  assert.deepEqual(one('partner', 'no'), { value: false, error: undefined });
  assert.deepEqual(one('partner', 'oui', 'draft').error, { code: 'invalid-choice' });
});

test('communes by NIS code, DigComp areas by number', () => {
  assert.deepEqual(one('communes', '21015'), { value: ['21015'], error: undefined });
  assert.deepEqual(one('communes', ['21015', '1030'], 'draft').error, { code: 'invalid-commune' }); // a postal code is not a commune
  assert.deepEqual(one('communes', '21020', 'draft').error, { code: 'invalid-commune' });
  assert.deepEqual(one('areas', ['5', '1']), { value: ['1', '5'], error: undefined });
  assert.deepEqual(one('areas', ['1.1'], 'draft').error, { code: 'invalid-area' });
});

test("target publics are limited to the call's", () => {
  assert.deepEqual(one('publics', ['women', 'homeless']), { value: ['homeless', 'women'], error: undefined });
  // "seniors" is a known public, but not one this call targets.
  assert.deepEqual(one('publics', ['homeless', 'seniors'], 'draft'), {
    value: null,
    error: { code: 'invalid-public' },
  });
  assert.deepEqual(one('publics', 'homeless', 'submit', { ...ctx, targetPublics: ['women'] }).error, {
    code: 'invalid-public',
  });
});

test("participants per public: whole numbers, for the call's publics; blanks and zeros left out", () => {
  assert.deepEqual(one('participants', { women: '1 200', homeless: '0', 'young-15-25': '' }), {
    value: { women: 1200 },
    error: undefined,
  });
  assert.deepEqual(one('participants', { seniors: '12' }, 'draft'), {
    value: null,
    error: { code: 'invalid-public', values: { public: 'seniors' } },
  });
  assert.deepEqual(one('participants', { seniors: '' }), { value: null, error: { code: 'required' } });
  for (const n of ['2,5', '-1', 'dix']) {
    assert.deepEqual(
      one('participants', { homeless: '10', women: n }, 'draft'),
      { value: null, error: { code: 'invalid-participants', values: { public: 'women' } } },
      n,
    );
  }
  assert.deepEqual(one('participants', { homeless: '0' }), { value: null, error: { code: 'required' } });
});

test('files are counted against the limit; their existence is checked elsewhere', () => {
  assert.deepEqual(one('annexes', 'f1'), { value: ['f1'], error: undefined });
  assert.deepEqual(one('annexes', ['f1', 'f2', 'f1']), { value: ['f1', 'f2'], error: undefined });
  assert.deepEqual(one('annexes', ['f1', 'f2', 'f3'], 'draft'), {
    value: ['f1', 'f2', 'f3'],
    error: { code: 'too-many-files', values: { max: 2 } },
  });
});

test('budget: totals in exact cents from Belgian amounts; blank lines ignored', () => {
  const r = one(
    'budget',
    budget({
      lines: [
        { category: 'staff', label: 'Animatrice', amount: '0,10' },
        { category: 'other', label: '', amount: '  ' },
        { category: 'operating', label: 'Goûters', amount: '0,20' },
      ],
      requested: '0,30',
      otherFunding: [{ source: '', amount: '' }],
    }),
    'submit',
    { ...ctx, grant: { minCents: null, maxCents: null, coFundingMaxPercent: null } },
  );
  assert.deepEqual(r, {
    value: {
      lines: [
        { category: 'staff', label: 'Animatrice', amountCents: 10 },
        { category: 'operating', label: 'Goûters', amountCents: 20 },
      ],
      totalCents: 30, // 0.1 + 0.2 would not be 0.3 in floating point
      requestedCents: 30,
      otherFunding: [],
      otherFundingCents: 0,
    },
    error: undefined,
  });
  const full = submit(complete).values.budget as Budget;
  assert.deepEqual([full.totalCents, full.requestedCents, full.otherFundingCents], [42_500_00, 40_000_00, 2_500_00]);
});

test('budget: an unreadable line is reported with its row number, drafts included', () => {
  const lines = (amount: string, label = 'Loyer') =>
    budget({
      lines: [
        { category: 'staff', label: 'Formateur', amount: '30.000' },
        { category: 'staff', label: '', amount: '' },
        { category: 'operating', label, amount },
      ],
    });
  const invalid = { code: 'budget-invalid-line', values: { line: 3, part: 'lines' } };
  for (const amount of ['mille', '-500', '0,125'])
    assert.deepEqual(one('budget', lines(amount), 'draft'), { value: null, error: invalid }, amount);
  assert.deepEqual(
    one('budget', lines('500', '  '), 'draft'),
    { value: null, error: invalid },
    'an amount without a label',
  );
  const forged = budget({ lines: [{ category: 'bribes' as 'other', label: 'x', amount: '1' }] });
  assert.deepEqual(one('budget', forged, 'draft').error, {
    code: 'budget-invalid-line',
    values: { line: 1, part: 'lines' },
  });
  assert.deepEqual(one('budget', budget({ otherFunding: [{ source: 'FSE', amount: 'beaucoup' }] }), 'draft').error, {
    code: 'budget-invalid-line',
    values: { line: 1, part: 'otherFunding' },
  });
  assert.deepEqual(one('budget', budget({ requested: 'quarante mille' }), 'draft').error, {
    code: 'invalid-money',
    values: { reason: 'invalid', part: 'requested' },
  });
});

test('budget: a line still without its amount is fine in a draft, not at submission', () => {
  const raw = budget({ lines: [...budget().lines, { category: 'other', label: 'Assurance', amount: '' }] });
  const d = one('budget', raw, 'draft');
  assert.equal(d.error, undefined);
  assert.equal((d.value as Budget | null)?.lines[2]?.amountCents, 0);
  assert.deepEqual(one('budget', raw).error, { code: 'budget-invalid-line', values: { line: 3, part: 'lines' } });
});

test('budget at submission: lines needed, amount requested needed, costs balanced by funding', () => {
  assert.deepEqual(one('budget', budget({ lines: [], otherFunding: [] })).error, { code: 'budget-empty' });
  assert.deepEqual(one('budget', budget({ lines: [], otherFunding: [] }), 'draft').error, undefined);
  assert.deepEqual(one('budget', budget({ requested: '' })).error, { code: 'required', values: { part: 'requested' } });
  assert.deepEqual(one('budget', budget({ requested: '0' })).error, {
    code: 'required',
    values: { part: 'requested' },
  });
  // 42 500 € of costs, 41 000 + 2 500 of funding.
  const unbalanced = one('budget', budget({ requested: '41.000' }));
  assert.deepEqual(unbalanced.error, {
    code: 'budget-unbalanced',
    values: { totalCents: 42_500_00, fundedCents: 43_500_00 },
  });
  assert.equal(typeof unbalanced.value, 'object', 'the budget is kept, so its totals can be shown');
  assert.equal(one('budget', budget({ requested: '41.000' }), 'draft').error, undefined);
});

test("the amount requested must fall within the call's grant range", () => {
  const lines = (total: string) => [{ category: 'staff' as const, label: 'Tout', amount: total }];
  assert.deepEqual(
    one('budget', budget({ lines: lines('29.999,99'), requested: '29.999,99', otherFunding: [] })).error,
    { code: 'requested-below-min', values: { minCents: 30_000_00 } },
  );
  assert.equal(
    one('budget', budget({ lines: lines('30.000'), requested: '30.000', otherFunding: [] })).error,
    undefined,
  );
  assert.equal(
    one('budget', budget({ lines: lines('60.000'), requested: '60.000', otherFunding: [] })).error,
    undefined,
  );
  assert.deepEqual(
    one('budget', budget({ lines: lines('60.000,01'), requested: '60.000,01', otherFunding: [] })).error,
    { code: 'requested-above-max', values: { maxCents: 60_000_00 } },
  );
  assert.equal(
    one('budget', budget({ lines: lines('60.000,01'), requested: '60.000,01', otherFunding: [] }), 'draft').error,
    undefined,
  );
  const noRange = { ...ctx, grant: { minCents: null, maxCents: null, coFundingMaxPercent: null } };
  assert.equal(
    one('budget', budget({ lines: lines('1'), requested: '1', otherFunding: [] }), 'submit', noRange).error,
    undefined,
  );
});

test("co-funding: at most the call's share of the total cost (80 % of 10 000 € is 8 000 €)", () => {
  const cofund = (percent: number) => ({
    ...ctx,
    grant: { minCents: null, maxCents: null, coFundingMaxPercent: percent },
  });
  const b = (requested: string, other: string) =>
    budget({
      lines: [{ category: 'operating', label: 'Ateliers', amount: '10.000' }],
      requested,
      otherFunding: [{ source: 'Fonds propres', amount: other }],
    });
  assert.equal(one('budget', b('8.000', '2.000'), 'submit', cofund(80)).error, undefined);
  assert.deepEqual(one('budget', b('8.000,01', '1.999,99'), 'submit', cofund(80)).error, {
    code: 'requested-above-co-funding',
    values: { percent: 80, maxCents: 8_000_00 },
  });
  assert.equal(one('budget', b('8.000,01', '1.999,99'), 'draft', cofund(80)).error, undefined);
  assert.equal(one('budget', b('10.000', '0'), 'submit', cofund(100)).error, undefined);
  // A share with decimals stays exact: 80.5 % of 10 000 € is 8 050 €.
  assert.equal(one('budget', b('8.050', '1.950'), 'submit', cofund(80.5)).error, undefined);
  assert.deepEqual(one('budget', b('8.050,01', '1.949,99'), 'submit', cofund(80.5)).error, {
    code: 'requested-above-co-funding',
    values: { percent: 80.5, maxCents: 8_050_00 },
  });
  // Where the share is not a whole number of cents, the maximum is rounded down: 1/3 of 100,00 € at 33 %.
  const odd = budget({
    lines: [{ category: 'other', label: 'x', amount: '100' }],
    requested: '33,01',
    otherFunding: [{ source: 'y', amount: '66,99' }],
  });
  assert.deepEqual(one('budget', odd, 'submit', cofund(33)).error, {
    code: 'requested-above-co-funding',
    values: { percent: 33, maxCents: 33_00 },
  });
});

test('a budget sent without its funding rows still reads', () => {
  const partial = {
    lines: [{ category: 'staff', label: 'Formatrice', amount: '30.000' }],
    requested: '30.000',
  } as unknown as RawBudget;
  assert.deepEqual(one('budget', partial).error, undefined);
});

test('a budget table left blank is no answer', () => {
  const blank = budget({
    lines: [{ category: 'staff', label: '', amount: '' }],
    requested: ' ',
    otherFunding: [{ source: '', amount: '' }],
  });
  assert.deepEqual(one('budget', blank), { value: null, error: { code: 'required' } });
  assert.deepEqual(one('budget', blank, 'draft'), { value: null, error: undefined });
});

test('requestedCents reads the budget table', () => {
  assert.equal(requestedCents(form, submit(complete).values), 40_000_00);
  assert.equal(requestedCents(form, submit({}).values), null);
  assert.equal(requestedCents({ sections: [] }, {}), null);
});

test('searchableText joins the free-text answers in form order', () => {
  const r = submit({ ...complete, summary: 'Ateliers\r\nPC', kind: 'support' });
  assert.equal(searchableText(form, r.values), 'Un foyer numérique\n\nAteliers\nPC');
  assert.equal(searchableText(form, submit({}).values), '');
});

test('canonicalAnswers is stable: same answers, same text, whatever the order they came in', () => {
  const a = submit({ ...complete, tools: ['tablet', 'pc'], communes: ['21015', '21004'] }).values;
  const reordered = Object.fromEntries(
    Object.entries(submit({ ...complete, communes: ['21004', '21015'], tools: ['pc', 'tablet'] }).values).reverse(),
  );
  assert.equal(canonicalAnswers(a), canonicalAnswers(reordered));
  const text = canonicalAnswers(a);
  assert.equal(text, canonicalAnswers(JSON.parse(text)));
  assert.ok(
    text.startsWith(
      '{"annexes":null,"areas":null,"budget":{"lines":[{"amountCents":3000000,"category":"staff","label":"Formateur à mi-temps"}',
    ),
    text,
  );
  assert.notEqual(canonicalAnswers(a), canonicalAnswers({ ...a, title: 'Autre' }));
  assert.throws(() => canonicalAnswers({ x: Number.NaN }));
});

test('the submission checklist: sections with problems, their fields in form order', () => {
  const list = missingForSubmission(
    form,
    { ...complete, title: '', partner: 'peut-être', budget: budget({ requested: '41.000' }), sessions: '0' },
    ctx,
  );
  assert.deepEqual(list, [
    {
      sectionId: 'project',
      title: t('Le projet'),
      fields: [
        { fieldId: 'title', label: t('Titre du projet'), error: { code: 'required' } },
        { fieldId: 'partner', label: t('Partenariat'), error: { code: 'invalid-choice' } },
      ],
    },
    {
      sectionId: 'publics',
      title: t('Publics et territoire'),
      fields: [
        { fieldId: 'sessions', label: t('Nombre de séances'), error: { code: 'below-min', values: { min: 1 } } },
      ],
    },
    {
      sectionId: 'finances',
      title: t('Budget'),
      fields: [
        {
          fieldId: 'budget',
          label: t('Budget du projet'),
          error: { code: 'budget-unbalanced', values: { totalCents: 42_500_00, fundedCents: 43_500_00 } },
        },
      ],
    },
  ]);
  assert.deepEqual(missingForSubmission(form, complete, ctx), []);
});

test('an empty list sent for a budget table is no answer', () => {
  assert.deepEqual(one('budget', [], 'draft'), { value: null, error: undefined });
});

test('every limit is checked in drafts too: too long, too many items, whatever the field', () => {
  const tooLong = { code: 'too-long', values: { max: MAX_INPUT_LENGTH } };
  assert.deepEqual(one('start', '2'.repeat(MAX_INPUT_LENGTH + 1), 'draft').error, tooLong);
  assert.deepEqual(one('sessions', '1'.repeat(MAX_INPUT_LENGTH + 1), 'draft').error, tooLong);
  assert.deepEqual(one('kind', 'x'.repeat(MAX_INPUT_LENGTH + 1), 'draft').error, tooLong);
  assert.deepEqual(
    one(
      'communes',
      Array.from({ length: 50 }, () => '21015'),
      'draft',
    ).error,
    {
      code: 'too-many-items',
      values: { max: 19 },
    },
  );
  assert.deepEqual(one('tools', ['', 'pc', 'phone', 'tablet'], 'draft').error, undefined, 'the hidden empty input');
  assert.deepEqual(one('participants', { homeless: '1', women: '2', 'young-15-25': '3', other: '4' }, 'draft').error, {
    code: 'too-many-items',
    values: { max: 3 },
  });
  const lines = Array.from({ length: MAX_BUDGET_LINES + 1 }, () => ({
    category: 'staff' as const,
    label: 'x',
    amount: '1',
  }));
  assert.deepEqual(one('budget', budget({ lines }), 'draft').error, {
    code: 'too-many-items',
    values: { max: MAX_BUDGET_LINES },
  });
  assert.deepEqual(
    one('budget', budget({ lines: [{ category: 'staff', label: 'é'.repeat(301), amount: '1' }] }), 'draft').error,
    { code: 'too-long', values: { max: 300 } },
  );
});

test('a save stores the answers sent except those that break a limit or cannot be read, which keep what was stored', () => {
  const stored: RawAnswers = { summary: 'Avant', partner: 'no', start: '2026-09-01' };
  const { raw, refused } = answersToStore(
    form,
    stored,
    { summary: 'S'.repeat(11), title: 'Nouveau', start: 'pas une date', kind: { a: 'b' } as unknown as string },
    ctx,
  );
  assert.deepEqual(refused, {
    summary: { code: 'too-long', values: { max: 10 } },
    kind: { code: 'invalid-value' },
    start: { code: 'invalid-date' },
  });
  assert.deepEqual(
    raw,
    { summary: 'Avant', partner: 'no', title: 'Nouveau', start: '2026-09-01' },
    'an unreadable date is refused where it was typed; the rest is saved',
  );
  assert.deepEqual(answersToStore(form, stored, {}, ctx), { raw: stored, refused: {} });
});

test('an application title: trimmed, at most 200 characters as the browser counts them, never blank', () => {
  assert.deepEqual(readTitle('  Clavier pour tous '), { ok: true, value: 'Clavier pour tous' });
  assert.deepEqual(readTitle('é'.repeat(MAX_TITLE_LENGTH)), { ok: true, value: 'é'.repeat(MAX_TITLE_LENGTH) });
  assert.deepEqual(readTitle('T'.repeat(900_000)), {
    ok: false,
    error: { code: 'too-long', values: { max: MAX_TITLE_LENGTH } },
  });
  assert.deepEqual(readTitle('   '), { ok: false, error: { code: 'required' } });
  assert.deepEqual(readTitle(['a']), { ok: false, error: { code: 'invalid-value' } });
});
