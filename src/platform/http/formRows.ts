/**
 * Rows of a table-like form, sent as `prefix.<index>.<column>` fields (how pages without
 * JavaScript send a list of lines), in index order, each as a record of its columns.
 */
export function formRows(body: Record<string, unknown>, prefix: string): Record<string, string>[] {
  const found = new Map<number, Record<string, string>>();
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d{1,3})\\.(\\w+)$`);
  for (const [key, value] of Object.entries(body)) {
    const m = pattern.exec(key);
    if (!m) continue;
    const index = Number(m[1]);
    found.set(index, {
      ...(found.get(index) ?? {}),
      [m[2]!]: textOf(Array.isArray(value) ? value[0] : value),
    });
  }
  return [...found].sort(([a], [b]) => a - b).map(([, row]) => row);
}

/**
 * A field's text: a form sends strings, a script's JSON may send numbers and booleans (kept as typed)
 * or objects, which are no text (and one with its own `toString` would make `String()` throw).
 */
function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
