import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filtersFromAnswers, GUIDED_PATH } from './guidedPath.ts';

test('four questions, every answer with a pictogram and a label in the three languages', () => {
  assert.deepEqual(
    GUIDED_PATH.map((q) => q.key),
    ['need', 'language', 'commune', 'help'],
  );
  for (const question of GUIDED_PATH) {
    assert.equal(new Set(question.answers.map((a) => a.key)).size, question.answers.length, question.key);
    for (const answer of question.answers) {
      assert.ok(answer.pictogram);
      for (const text of Object.values(answer.label)) assert.ok(text.split(' ').length <= 6, text);
    }
  }
  const need = GUIDED_PATH[0];
  assert.deepEqual(
    need?.answers.map((a) => a.label.en),
    [
      'use my phone',
      'fill in a form online',
      'find a job',
      'learn to use a computer',
      'get a computer or phone',
      'go on the internet',
      'something else',
    ],
  );
});

test('answers become the search’s filters', () => {
  assert.deepEqual(
    filtersFromAnswers({ need: 'procedure', language: 'ar', commune: '21015', help: ['hearing', 'moving'] }),
    {
      services: ['admin-procedures'],
      language: 'ar',
      commune: '21015',
      supports: ['deafness'],
      stepFree: true,
    },
  );
  assert.deepEqual(filtersFromAnswers({ help: ['seeing', 'reading'] }), {
    supports: ['visual-impairment', 'illiteracy'],
  });
  assert.deepEqual(filtersFromAnswers({ need: 'computer' }), { services: ['everyday-tools', 'understanding-digital'] });
});

test('"something else" and "I don’t know" add nothing; a typed postal code or name is understood', () => {
  assert.deepEqual(filtersFromAnswers({ need: 'other', language: 'other', commune: 'other' }), {});
  assert.deepEqual(filtersFromAnswers({ commune: '1080' }), { commune: '21012' });
  assert.deepEqual(filtersFromAnswers({ commune: 'Sint-Gillis' }), { commune: '21013' });
});

test('unknown answers are left out, and a single-answer question takes one answer', () => {
  assert.deepEqual(filtersFromAnswers({ need: 'fly', language: 'xx', commune: 'Paris', help: ['flying'] }), {});
  assert.deepEqual(filtersFromAnswers({ need: ['job', 'device'] }), { services: ['job-search'] });
});
