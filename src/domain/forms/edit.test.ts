import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FieldDef } from './definition.ts';
import { moveField, removeField, removeSection, upsertField, upsertSection } from './edit.ts';
import { standardForm } from './template.ts';

const ids = (form: ReturnType<typeof standardForm>) =>
  form.sections.map((s) => `${s.id}:${s.fields.map((f) => f.id).join(',')}`);
const field: FieldDef = { id: 'website', type: 'short-text', required: false, label: { fr: 'Site' } };

test('adding, editing and removing a field', () => {
  const added = upsertField(standardForm(), 'budget', field);
  assert.deepEqual(ids(added), ['project:summary,communes,publics,participants,digcomp', 'budget:budget,website']);
  const edited = upsertField(added, 'project', { ...field, required: true });
  assert.deepEqual(ids(edited), ids(added), 'an existing field stays where it is');
  assert.equal(edited.sections[1]!.fields[1]!.required, true);
  assert.deepEqual(ids(removeField(edited, 'website')), ids(standardForm()));
});

test('moving a field within and across sections', () => {
  const form = standardForm();
  assert.deepEqual(ids(moveField(form, 'communes', 'up'))[0], 'project:communes,summary,publics,participants,digcomp');
  assert.deepEqual(ids(moveField(form, 'digcomp', 'down')), [
    'project:summary,communes,publics,participants',
    'budget:digcomp,budget',
  ]);
  assert.deepEqual(ids(moveField(form, 'summary', 'up')), ids(form), 'the first field stays first');
});

test('sections: add, rename, and remove only when empty', () => {
  const form = upsertSection(standardForm(), { id: 'annexes', title: { fr: 'Annexes' } });
  assert.equal(form.sections.length, 3);
  assert.equal(upsertSection(form, { id: 'annexes', title: { fr: 'Pièces' } }).sections[2]!.title.fr, 'Pièces');
  assert.equal(removeSection(form, 'annexes').sections.length, 2);
  assert.equal(removeSection(form, 'project').sections.length, 3, 'a section with questions is kept');
});
