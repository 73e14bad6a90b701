import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FieldDef, FormDefinition } from './definition.ts';
import { formChangeBreaksAnswers, validateForm } from './validateForm.ts';

const label = (fr: string) => ({ fr, nl: `${fr} (nl)` });

function goodForm(): FormDefinition {
  return {
    sections: [
      {
        id: 'project',
        title: label('Le projet'),
        fields: [
          { id: 'title', type: 'short-text', label: label('Titre'), required: true, maxLength: 200 },
          {
            id: 'summary',
            type: 'long-text',
            label: label('Résumé'),
            help: label('En quelques lignes'),
            required: true,
            maxLength: 2000,
          },
          {
            id: 'kind',
            type: 'single-choice',
            label: label('Type'),
            required: false,
            options: [
              { value: 'a', label: label('A') },
              { value: 'b', label: label('B') },
            ],
          },
          {
            id: 'participants',
            type: 'number',
            label: label('Participants'),
            required: true,
            min: 1,
            max: 5000,
            integer: true,
          },
        ],
      },
      {
        id: 'budget',
        title: label('Budget'),
        fields: [
          { id: 'budget', type: 'budget-table', label: label('Budget'), required: true },
          { id: 'own-funds', type: 'money', label: label('Fonds propres'), required: false, min: 0, max: 1_000_000 },
          { id: 'annexes', type: 'file', label: label('Annexes'), required: false, maxFiles: 3 },
        ],
      },
    ],
  };
}

function withField(field: FieldDef): FormDefinition {
  const form = goodForm();
  form.sections[0]?.fields.push(field);
  return form;
}

test('a well-built form has no problem', () => {
  assert.deepEqual(validateForm(goodForm()), []);
  assert.deepEqual(validateForm({ sections: [] }), []);
});

test('field ids: plain, short, unique across sections', () => {
  const form = goodForm();
  form.sections[1]?.fields.push({ id: 'title', type: 'date', label: label('Date'), required: false });
  assert.deepEqual(validateForm(form), [{ path: 'sections[1].fields[3].id', code: 'duplicate-id' }]);
  for (const id of ['Title', '1st', '', 'a_b', 'é', 'a'.repeat(41), '-a', 'a b']) {
    assert.deepEqual(
      validateForm(withField({ id, type: 'date', label: label('D'), required: false })),
      [{ path: 'sections[0].fields[4].id', code: 'invalid-id' }],
      id,
    );
  }
  assert.deepEqual(
    validateForm(withField({ id: `a${'-'.repeat(39)}`, type: 'date', label: label('D'), required: false })),
    [],
  );
});

test('section ids are unique and plain too', () => {
  const form = goodForm();
  form.sections.push(
    { id: 'project', title: label('Encore'), fields: [] },
    { id: 'Bad Id', title: label('X'), fields: [] },
  );
  assert.deepEqual(validateForm(form), [
    { path: 'sections[2].id', code: 'duplicate-id' },
    { path: 'sections[3].id', code: 'invalid-id' },
  ]);
});

test('every field, option and section needs a French label', () => {
  const form = goodForm();
  const s0 = form.sections[0]!;
  s0.title = { fr: '  ', nl: 'Het project' };
  s0.fields[0]!.label = { fr: '', en: 'Title' };
  s0.fields[2] = {
    id: 'kind',
    type: 'single-choice',
    label: label('Type'),
    required: false,
    options: [
      { value: 'a', label: { fr: '' } },
      { value: 'b', label: label('B') },
    ],
  };
  assert.deepEqual(validateForm(form), [
    { path: 'sections[0].title', code: 'missing-label' },
    { path: 'sections[0].fields[0].label', code: 'missing-label' },
    { path: 'sections[0].fields[2].options[0].label', code: 'missing-label' },
  ]);
});

test('choices need at least two options, with distinct, clean values', () => {
  const opt = (value: string) => ({ value, label: label(`Option ${value}`) });
  assert.deepEqual(
    validateForm(withField({ id: 'x', type: 'multi-choice', label: label('X'), required: false, options: [opt('a')] })),
    [{ path: 'sections[0].fields[4].options', code: 'too-few-options' }],
  );
  assert.deepEqual(
    validateForm(
      withField({
        id: 'x',
        type: 'single-choice',
        label: label('X'),
        required: false,
        options: [opt('a'), opt('b'), opt('a'), opt(''), opt(' c')],
      }),
    ),
    [
      { path: 'sections[0].fields[4].options[2].value', code: 'duplicate-option' },
      { path: 'sections[0].fields[4].options[3].value', code: 'invalid-option-value' },
      { path: 'sections[0].fields[4].options[4].value', code: 'invalid-option-value' },
    ],
  );
});

test('text limits between 1 and 100 000 characters', () => {
  for (const maxLength of [0, -5, 100_001, 1.5, Number.NaN]) {
    assert.deepEqual(
      validateForm(withField({ id: 'x', type: 'long-text', label: label('X'), required: false, maxLength })),
      [{ path: 'sections[0].fields[4].maxLength', code: 'invalid-max-length' }],
      String(maxLength),
    );
  }
  assert.deepEqual(
    validateForm(withField({ id: 'x', type: 'long-text', label: label('X'), required: false, maxLength: 100_000 })),
    [],
  );
  assert.deepEqual(
    validateForm(withField({ id: 'x', type: 'long-text', label: label('X'), required: false, maxLength: 1 })),
    [],
  );
  assert.deepEqual(
    validateForm(withField({ id: 'x', type: 'short-text', label: label('X'), required: false, maxLength: 0 })),
    [{ path: 'sections[0].fields[4].maxLength', code: 'invalid-max-length' }],
  );
});

test('number and money bounds: min ≤ max, money in whole cents', () => {
  assert.deepEqual(
    validateForm(withField({ id: 'x', type: 'number', label: label('X'), required: false, min: 10, max: 5 })),
    [{ path: 'sections[0].fields[4].max', code: 'invalid-range' }],
  );
  assert.deepEqual(
    validateForm(withField({ id: 'x', type: 'number', label: label('X'), required: false, min: -2.5, max: -2.5 })),
    [],
  );
  assert.deepEqual(
    validateForm(withField({ id: 'x', type: 'money', label: label('X'), required: false, min: 100, max: 99 })),
    [{ path: 'sections[0].fields[4].max', code: 'invalid-range' }],
  );
  assert.deepEqual(
    validateForm(withField({ id: 'x', type: 'money', label: label('X'), required: false, min: 10.5, max: -1 })),
    [
      { path: 'sections[0].fields[4].min', code: 'invalid-bound' },
      { path: 'sections[0].fields[4].max', code: 'invalid-bound' },
    ],
  );
  assert.deepEqual(
    validateForm(
      withField({ id: 'x', type: 'number', label: label('X'), required: false, max: Number.POSITIVE_INFINITY }),
    ),
    [{ path: 'sections[0].fields[4].max', code: 'invalid-bound' }],
  );
});

test('at most one budget table; file limits; unknown types', () => {
  assert.deepEqual(
    validateForm(withField({ id: 'budget2', type: 'budget-table', label: label('Budget bis'), required: false })),
    [{ path: 'sections[1].fields[0].type', code: 'too-many-budget-tables' }],
  );
  assert.deepEqual(
    validateForm(withField({ id: 'x', type: 'file', label: label('X'), required: false, maxFiles: 0 })),
    [{ path: 'sections[0].fields[4].maxFiles', code: 'invalid-max-files' }],
  );
  const forged = { id: 'x', type: 'signature', label: label('X'), required: false } as unknown as FieldDef;
  assert.deepEqual(validateForm(withField(forged)), [{ path: 'sections[0].fields[4].type', code: 'unknown-type' }]);
});

test('every problem is reported at once, in form order', () => {
  const form = goodForm();
  form.sections[0]!.fields.push({ id: 'title', type: 'long-text', label: { fr: '' }, required: false, maxLength: 0 });
  assert.deepEqual(
    validateForm(form).map((p) => p.code),
    ['duplicate-id', 'missing-label', 'invalid-max-length'],
  );
});

test('changing only texts keeps the version: labels, help, option labels, section titles', () => {
  const next = goodForm();
  next.sections[0]!.title = label('Votre projet');
  next.sections[0]!.fields[1]!.label = label('Résumé du projet');
  next.sections[0]!.fields[1]!.help = undefined;
  const kind = next.sections[0]!.fields[2]!;
  if (kind.type === 'single-choice') kind.options[0]!.label = label('Autre libellé');
  assert.equal(formChangeBreaksAnswers(goodForm(), next), false);
});

test('moving fields around is not breaking: answers are keyed by field id', () => {
  const next = goodForm();
  const [first, second] = next.sections;
  first!.fields.reverse();
  second!.fields.push(first!.fields.pop()!);
  second!.id = 'finances';
  assert.equal(formChangeBreaksAnswers(goodForm(), next), false);
});

test('any change to what a field accepts is breaking', () => {
  const changes: ((f: FormDefinition) => void)[] = [
    (f) => f.sections[0]!.fields.pop(), // removed
    (f) => f.sections[0]!.fields.push({ id: 'new', type: 'date', label: label('N'), required: false }), // added
    (f) => (f.sections[0]!.fields[0]!.required = false), // loosened
    (f) => (f.sections[0]!.fields[3]!.required = false),
    (f) => {
      const t = f.sections[0]!.fields[1]!;
      if (t.type === 'long-text') t.maxLength = 1000;
    },
    (f) => {
      const n = f.sections[0]!.fields[3]!;
      if (n.type === 'number') n.integer = false;
    },
    (f) => {
      const c = f.sections[0]!.fields[2]!;
      if (c.type === 'single-choice') c.options.pop();
    },
    (f) => {
      const c = f.sections[0]!.fields[2]!;
      if (c.type === 'single-choice') c.options[0]!.value = 'z';
    },
    (f) => {
      const c = f.sections[0]!.fields[2]!;
      if (c.type === 'single-choice') c.options.push({ value: 'c', label: label('C') });
    },
    (f) =>
      (f.sections[0]!.fields[0] = {
        id: 'title',
        type: 'long-text',
        label: label('Titre'),
        required: true,
        maxLength: 200,
      }),
    (f) => (f.sections[0]!.fields[0]!.id = 'name'),
  ];
  for (const [i, change] of changes.entries()) {
    const next = goodForm();
    change(next);
    assert.equal(formChangeBreaksAnswers(goodForm(), next), true, `change ${i}`);
  }
});
