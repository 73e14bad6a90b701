import type { FieldDef, FormDefinition, FormSection } from './definition.ts';

/**
 * The form builder's operations, as pure functions from one definition to the next. The service
 * validates the result before saving it, so none of these needs to refuse anything itself.
 */
export function upsertField(form: FormDefinition, sectionId: string, field: FieldDef): FormDefinition {
  const exists = form.sections.some((s) => s.fields.some((f) => f.id === field.id));
  return {
    sections: form.sections.map((s) =>
      exists
        ? { ...s, fields: s.fields.map((f) => (f.id === field.id ? field : f)) }
        : s.id === sectionId
          ? { ...s, fields: [...s.fields, field] }
          : s,
    ),
  };
}

export function removeField(form: FormDefinition, fieldId: string): FormDefinition {
  return { sections: form.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => f.id !== fieldId) })) };
}

/** Moves a field one place up or down; across a section boundary it joins the neighbouring section. */
export function moveField(form: FormDefinition, fieldId: string, direction: 'up' | 'down'): FormDefinition {
  const flat = form.sections.flatMap((s, si) => s.fields.map((f) => ({ f, si })));
  const i = flat.findIndex((x) => x.f.id === fieldId);
  if (i < 0) return form;
  const item = flat[i]!;
  const sections: FormSection[] = form.sections.map((s) => ({
    ...s,
    fields: s.fields.filter((f) => f.id !== fieldId),
  }));
  const within = form.sections[item.si]!.fields.findIndex((f) => f.id === fieldId);
  const target = direction === 'up' ? within - 1 : within + 1;
  if (target >= 0 && target < form.sections[item.si]!.fields.length) {
    sections[item.si]!.fields.splice(target, 0, item.f);
  } else {
    const si = direction === 'up' ? item.si - 1 : item.si + 1;
    if (si < 0 || si >= sections.length) return form;
    if (direction === 'up') sections[si]!.fields.push(item.f);
    else sections[si]!.fields.unshift(item.f);
  }
  return { sections };
}

export function upsertSection(form: FormDefinition, section: Omit<FormSection, 'fields'>): FormDefinition {
  const exists = form.sections.some((s) => s.id === section.id);
  return {
    sections: exists
      ? form.sections.map((s) => (s.id === section.id ? { ...s, title: section.title } : s))
      : [...form.sections, { ...section, fields: [] }],
  };
}

/** Only an empty section can go: removing one never silently drops its questions. */
export function removeSection(form: FormDefinition, sectionId: string): FormDefinition {
  return { sections: form.sections.filter((s) => s.id !== sectionId || s.fields.length > 0) };
}
