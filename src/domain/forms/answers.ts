// From what an applicant typed (RawAnswers, stored as typed in a draft) to validated, typed values
// (Answers, frozen at submission), with the problems found on the way as stable codes.
//
// Two levels of checking:
// - always (drafts too): a value that cannot be what the field holds — not a number, not a date,
//   not one of the options, a budget line that cannot be read — and the limits the browser already
//   enforces while typing (maxLength, integer, maxFiles). A draft is saved with what is reported,
//   as feedback (an unfinished budget line), except an answer that breaks a limit (LIMIT_ERRORS:
//   too long, too many items, a forged shape) or cannot be read (UNREADABLE_ERRORS: "quarante" for
//   a number, not a date): that one is never stored (answersToStore), whichever way it was sent.
// - at submission only: required answers, number and money min/max, and the budget rules
//   (at least one line, balanced, amount requested within the call's range and co-funding rate).
//
// `values` holds, for every field of the form, the typed value when the input could be read as
// one, else null: no answer, or a malformed one (then `errors` says why). A value with only a
// submission problem (a number below its min, an unbalanced budget) is kept, so it can be shown.

import { MAX_CENTS, parseMoney } from '../money.ts';
import { COMMUNES, DIGCOMP_AREAS } from '../referenceData.ts';
import type { Translated } from '../translated.ts';
import { canonicalJson } from './canonicalJson.ts';
import { MAX_TEXT_LENGTH } from './validateForm.ts';
import {
  BUDGET_CATEGORIES,
  allFields,
  type AnswerValue,
  type Answers,
  type Budget,
  type BudgetCategory,
  type FieldDef,
  type FormDefinition,
  type RawAnswers,
  type RawBudget,
} from './definition.ts';

export interface AnswerContext {
  /** The keys of the target publics the call allows, in the order the call lists them. */
  targetPublics: readonly string[];
  grant: { minCents: number | null; maxCents: number | null; coFundingMaxPercent: number | null };
}

export const ANSWER_ERROR_CODES = [
  'required', // values.part = 'requested' when it is a budget's amount requested that is missing
  'invalid-value', // not even the right shape (an object for a text…): a forged or broken request
  'too-long', // {max}, in characters (Unicode code points)
  'not-a-number',
  'not-an-integer',
  'below-min', // number {min}, money {minCents}
  'above-max', // number {max}, money {maxCents}
  'invalid-money', // {reason: MoneyError}; in a budget also {part: 'requested'}
  'invalid-date',
  'invalid-choice', // also a yes-no answer other than yes or no
  'invalid-commune',
  'invalid-public', // in participants-per-public also {public}
  'invalid-area',
  'invalid-participants', // {public}
  'budget-invalid-line', // {line (1-based, blank lines counted), part: 'lines' | 'otherFunding'}
  'budget-empty',
  'budget-unbalanced', // {totalCents, fundedCents}
  'requested-below-min', // {minCents}
  'requested-above-max', // {maxCents}
  'requested-above-co-funding', // {percent, maxCents}
  'too-many-files', // {max}
  'too-many-items', // {max}: more choices, publics or budget lines than a form can send
] as const;
export type AnswerErrorCode = (typeof ANSWER_ERROR_CODES)[number];

export interface AnswerError {
  code: AnswerErrorCode;
  values?: Record<string, string | number>;
}

export interface NormalisedAnswers {
  /** One entry per field of the form, in form order; answers to fields the form lacks are dropped. */
  values: Answers;
  /** At most one error per field id: the first problem found. */
  errors: Record<string, AnswerError>;
}

/**
 * Errors no stored answer may have: a save refuses such an answer (the field keeps what it held)
 * and says why next to the field. Whatever sends them, the form, its autosave or a script.
 */
export const LIMIT_ERRORS: readonly AnswerErrorCode[] = [
  'invalid-value',
  'too-long',
  'too-many-items',
  'too-many-files',
];

/**
 * A value that cannot be read as what its field holds ("quarante" participants, "31/02" as a date,
 * a choice the field does not offer): refused where it was typed, like a limit, rather than saved
 * with "Saved." and found only later in the checklist. An unfinished budget line (an amount
 * without its description yet) is not unreadable: it stays saved with its problem as feedback.
 */
export const UNREADABLE_ERRORS: readonly AnswerErrorCode[] = [
  'not-a-number',
  'not-an-integer',
  'invalid-money',
  'invalid-date',
  'invalid-choice',
  'invalid-commune',
  'invalid-public',
  'invalid-area',
  'invalid-participants',
];

/** What a save refuses: a broken limit or a value that cannot be read. */
export const REFUSED_ON_SAVE: readonly AnswerErrorCode[] = [...LIMIT_ERRORS, ...UNREADABLE_ERRORS];

/** An answer other than text (a number, a date, a choice…), as typed: no field needs more. */
export const MAX_INPUT_LENGTH = 200;
/** Lines of a budget table, in its costs and in its other funding each. */
export const MAX_BUDGET_LINES = 100;
export const MAX_BUDGET_LABEL_LENGTH = 300;
/** An application's title, on the form that starts it and on every save. */
export const MAX_TITLE_LENGTH = 200;

type FieldResult = { value: AnswerValue; error?: AnswerError };

const NONE: FieldResult = { value: null };

function fail(code: AnswerErrorCode, values?: Record<string, string | number>): FieldResult {
  return values ? { value: null, error: { code, values } } : { value: null, error: { code } };
}

export function normaliseAnswers(
  form: FormDefinition,
  raw: RawAnswers,
  ctx: AnswerContext,
  opts: { forSubmission: boolean },
): NormalisedAnswers {
  const values: [string, AnswerValue][] = [];
  const errors: [string, AnswerError][] = [];
  for (const field of allFields(form)) {
    const input = Object.hasOwn(raw, field.id) ? raw[field.id] : undefined;
    const r = normaliseField(field, input, ctx, opts.forSubmission);
    values.push([field.id, r.value]);
    if (r.error) errors.push([field.id, r.error]);
    else if (r.value === null && field.required && opts.forSubmission) errors.push([field.id, { code: 'required' }]);
  }
  // fromEntries defines own properties, so even an id like "__proto__" cannot reach a prototype.
  return { values: Object.fromEntries(values), errors: Object.fromEntries(errors) };
}

/**
 * What a save stores: the answers sent over those stored, except an answer that breaks a limit or
 * cannot be read (REFUSED_ON_SAVE), which keeps its stored value and comes back in `refused` with its error. Every entry point that
 * saves answers goes through here, so all refuse the same answers the same way.
 */
export function answersToStore(
  form: FormDefinition,
  stored: RawAnswers,
  sent: RawAnswers,
  ctx: AnswerContext,
): { raw: RawAnswers; refused: Record<string, AnswerError> } {
  const { errors } = normaliseAnswers(form, sent, ctx, { forSubmission: false });
  const refused = Object.fromEntries(
    Object.entries(errors).filter(([id, e]) => Object.hasOwn(sent, id) && REFUSED_ON_SAVE.includes(e.code)),
  );
  const kept = Object.entries(sent).filter(([id]) => !Object.hasOwn(refused, id));
  return { raw: { ...stored, ...Object.fromEntries(kept) }, refused };
}

/** An application's title as stored (trimmed, composed), or the error that keeps it from being one. */
export function readTitle(raw: unknown): { ok: true; value: string } | { ok: false; error: AnswerError } {
  const text = readString(raw, normaliseText);
  if (text === BAD) return { ok: false, error: { code: 'invalid-value' } };
  if (text === null) return { ok: false, error: { code: 'required' } };
  if (codePoints(text) > MAX_TITLE_LENGTH)
    return { ok: false, error: { code: 'too-long', values: { max: MAX_TITLE_LENGTH } } };
  return { ok: true, value: text };
}

// ---------------------------------------------------------------------------------------------
// Reading the raw shapes. HTML forms send one value of a multi-valued name as a plain string, and
// often an empty hidden input so that "nothing chosen" is sent at all.

const BAD = Symbol('bad shape');

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A trimmed string, null for no answer, BAD for anything that is not one string. */
function readString(raw: unknown, normalise: (s: string) => string = (s) => s.trim()): string | null | typeof BAD {
  if (raw === undefined || raw === null) return null;
  if (Array.isArray(raw)) return raw.every((x) => typeof x === 'string' && x.trim() === '') ? null : BAD;
  if (typeof raw !== 'string') return BAD;
  const s = normalise(raw);
  return s === '' ? null : s;
}

/** A typed value other than text: like readString, with TOO_LONG beyond what any such value needs. */
const TOO_LONG = Symbol('too long');
function readInput(raw: unknown): string | null | typeof BAD | typeof TOO_LONG {
  const s = readString(raw);
  return typeof s === 'string' && s.length > MAX_INPUT_LENGTH ? TOO_LONG : s;
}
const inputTooLong: FieldResult = { value: null, error: { code: 'too-long', values: { max: MAX_INPUT_LENGTH } } };

/** Trimmed, non-empty, without duplicates, in the order sent. */
function readList(raw: unknown): string[] | typeof BAD {
  if (raw === undefined || raw === null) return [];
  const items = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(items) || !items.every((x) => typeof x === 'string')) return BAD;
  return [...new Set(items.map((x: string) => x.trim()).filter((x) => x !== ''))];
}

function readRecord(raw: unknown): [string, string][] | typeof BAD {
  if (raw === undefined || raw === null || raw === '') return [];
  if (Array.isArray(raw)) return raw.length === 0 ? [] : BAD;
  if (!isPlainObject(raw)) return BAD;
  const entries = Object.entries(raw).filter(([, v]) => v !== undefined);
  return entries.every(([, v]) => typeof v === 'string') ? (entries as [string, string][]) : BAD;
}

/**
 * Text as the browser counts it: line breaks as one character (a form posts CRLF, a textarea's
 * maxlength counts LF), composed accents (NFC) as one character. Stored that way too.
 */
function normaliseText(s: string): string {
  return s.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Numbers: "12", "12,5", "12.5", "-3", "1 250", "1.250,5". With a single kind of separator followed
// by groups of exactly three digits it groups thousands, as parseMoney reads amounts: "1.000" is a
// thousand (as a Belgian writes it), "0,125" and "1234.567" are decimals.

const GROUP_SPACE = /[ \u00A0\u202F\u2009]/;
const GROUP_SPACES = /[ \u00A0\u202F\u2009]/g;
const LARGEST_NUMBER = 1e15;

function isGrouped(groups: string[]): boolean {
  const [first, ...rest] = groups;
  return (
    first !== undefined && /^[1-9][0-9]{0,2}$/.test(first) && rest.length > 0 && rest.every((g) => /^[0-9]{3}$/.test(g))
  );
}

function integerPart(part: string, sep: string): string | undefined {
  if (/^[0-9]+$/.test(part)) return part;
  const groups = part.split(sep);
  return isGrouped(groups) ? groups.join('') : undefined;
}

export function parseNumber(input: string): number | null {
  let s = input.trim();
  let negative = false;
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = true;
    s = s.slice(1).trimStart();
  }
  const spaced = GROUP_SPACE.test(s);
  s = s.replace(GROUP_SPACES, ' ');
  if (!/^[0-9][0-9 .,]*$/.test(s) || !/[0-9]$/.test(s)) return null;

  const hasDot = s.includes('.');
  const hasComma = s.includes(',');
  let int: string | undefined;
  let frac = '';
  if (!hasDot && !hasComma) {
    int = integerPart(s, ' ');
  } else if (hasDot && hasComma) {
    if (spaced) return null; // two kinds of group separator
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const at = s.lastIndexOf(decimal);
    int = integerPart(s.slice(0, at), decimal === '.' ? ',' : '.');
    frac = s.slice(at + 1);
  } else {
    const pieces = s.split(hasDot ? '.' : ',');
    if (!spaced && isGrouped(pieces)) {
      int = pieces.join('');
    } else if (pieces.length === 2) {
      int = integerPart(pieces[0] ?? '', ' ');
      frac = pieces[1] ?? '';
    } else {
      return null;
    }
  }
  if (int === undefined || !/^[0-9]*$/.test(frac)) return null;
  const n = Number(`${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`);
  if (!Number.isFinite(n) || Math.abs(n) > LARGEST_NUMBER) return null;
  return n === 0 ? 0 : n; // no -0
}

function isCalendarDate(s: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return y >= 1 && days !== undefined && d >= 1 && d <= days;
}

// ---------------------------------------------------------------------------------------------

const COMMUNE_ORDER = COMMUNES.map((c) => c.nis);
const AREA_ORDER = DIGCOMP_AREAS.map((a) => a.id);

/** The chosen keys in the reference order, or the error if one is not among them. */
function choose(raw: unknown, allowed: readonly string[], code: AnswerErrorCode): FieldResult {
  const list = readList(raw);
  if (list === BAD) return fail('invalid-value');
  // A form sends each option once, and an empty hidden input so that "none" is sent at all.
  if (Array.isArray(raw) && raw.length > allowed.length + 1) return fail('too-many-items', { max: allowed.length });
  if (list.some((x) => x.length > MAX_INPUT_LENGTH)) return inputTooLong;
  if (list.length === 0) return NONE;
  if (!list.every((x) => allowed.includes(x))) return fail(code);
  return { value: allowed.filter((x) => list.includes(x)) };
}

function normaliseField(field: FieldDef, raw: unknown, ctx: AnswerContext, submit: boolean): FieldResult {
  switch (field.type) {
    case 'short-text':
    case 'long-text': {
      const text = readString(raw, normaliseText);
      if (text === BAD) return fail('invalid-value');
      if (text === null) return NONE;
      const max = field.maxLength ?? MAX_TEXT_LENGTH;
      if (codePoints(text) > max) return { value: text, error: { code: 'too-long', values: { max } } };
      return { value: text };
    }
    case 'number': {
      const text = readInput(raw);
      if (text === BAD) return fail('invalid-value');
      if (text === TOO_LONG) return inputTooLong;
      if (text === null) return NONE;
      const n = parseNumber(text);
      if (n === null) return fail('not-a-number');
      if (field.integer && !Number.isInteger(n)) return fail('not-an-integer');
      if (submit && field.min !== undefined && n < field.min)
        return { value: n, error: { code: 'below-min', values: { min: field.min } } };
      if (submit && field.max !== undefined && n > field.max)
        return { value: n, error: { code: 'above-max', values: { max: field.max } } };
      return { value: n };
    }
    case 'money': {
      const text = readInput(raw);
      if (text === BAD) return fail('invalid-value');
      if (text === TOO_LONG) return inputTooLong;
      if (text === null) return NONE;
      const m = parseMoney(text);
      if (!m.ok) return m.error === 'empty' ? NONE : fail('invalid-money', { reason: m.error });
      const c = m.value;
      if (submit && field.min !== undefined && c < field.min)
        return { value: c, error: { code: 'below-min', values: { minCents: field.min } } };
      if (submit && field.max !== undefined && c > field.max)
        return { value: c, error: { code: 'above-max', values: { maxCents: field.max } } };
      return { value: c };
    }
    case 'date': {
      const text = readInput(raw);
      if (text === BAD) return fail('invalid-value');
      if (text === TOO_LONG) return inputTooLong;
      if (text === null) return NONE;
      return isCalendarDate(text) ? { value: text } : fail('invalid-date');
    }
    case 'single-choice': {
      const text = readInput(raw);
      if (text === BAD) return fail('invalid-value');
      if (text === TOO_LONG) return inputTooLong;
      if (text === null) return NONE;
      return field.options.some((o) => o.value === text) ? { value: text } : fail('invalid-choice');
    }
    case 'multi-choice':
      return choose(
        raw,
        field.options.map((o) => o.value),
        'invalid-choice',
      );
    case 'yes-no': {
      const text = readInput(raw);
      if (text === BAD) return fail('invalid-value');
      if (text === TOO_LONG) return inputTooLong;
      if (text === null) return NONE;
      return text === 'yes' ? { value: true } : text === 'no' ? { value: false } : fail('invalid-choice');
    }
    case 'file': {
      const ids = readList(raw);
      if (ids === BAD) return fail('invalid-value');
      if (ids.length === 0) return NONE;
      if (field.maxFiles !== undefined && ids.length > field.maxFiles) {
        return { value: ids, error: { code: 'too-many-files', values: { max: field.maxFiles } } };
      }
      return { value: ids };
    }
    case 'communes':
      return choose(raw, COMMUNE_ORDER, 'invalid-commune');
    case 'target-publics':
      return choose(raw, ctx.targetPublics, 'invalid-public');
    case 'digcomp-areas':
      return choose(raw, AREA_ORDER, 'invalid-area');
    case 'participants-per-public':
      return normaliseParticipants(raw, ctx);
    case 'budget-table':
      return normaliseBudget(raw, ctx, submit);
    default:
      return fail('invalid-value'); // a field type this code does not know: never accept blindly
  }
}

const MAX_PARTICIPANTS = 1_000_000_000;

function normaliseParticipants(raw: unknown, ctx: AnswerContext): FieldResult {
  const entries = readRecord(raw);
  if (entries === BAD) return fail('invalid-value');
  if (entries.length > ctx.targetPublics.length) return fail('too-many-items', { max: ctx.targetPublics.length });
  if (entries.some(([, text]) => text.length > MAX_INPUT_LENGTH)) return inputTooLong;
  const counts = new Map<string, number>();
  for (const [key, text] of entries) {
    if (text.trim() === '') continue;
    if (!ctx.targetPublics.includes(key)) return fail('invalid-public', { public: key });
    const n = parseNumber(text);
    if (n === null || !Number.isInteger(n) || n < 0 || n > MAX_PARTICIPANTS)
      return fail('invalid-participants', { public: key });
    if (n > 0) counts.set(key, n);
  }
  if (counts.size === 0) return NONE; // only blanks and zeros: nobody is announced
  return {
    value: Object.fromEntries(ctx.targetPublics.filter((k) => counts.has(k)).map((k) => [k, counts.get(k) ?? 0])),
  };
}

// ---------------------------------------------------------------------------------------------
// Budget table

function readBudget(raw: unknown): RawBudget | null | typeof BAD {
  if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) return null;
  if (!isPlainObject(raw)) return BAD;
  const { lines = [], requested = '', otherFunding = [] } = raw;
  const isRow = (r: unknown, a: string, b: string): boolean =>
    isPlainObject(r) && typeof (r[a] ?? '') === 'string' && typeof (r[b] ?? '') === 'string';
  if (
    !Array.isArray(lines) ||
    !lines.every((l) => isRow(l, 'label', 'amount') && typeof (l as Record<string, unknown>).category === 'string')
  )
    return BAD;
  if (!Array.isArray(otherFunding) || !otherFunding.every((f) => isRow(f, 'source', 'amount'))) return BAD;
  if (typeof requested !== 'string') return BAD;
  return {
    lines: (lines as Record<string, string | undefined>[]).map((l) => ({
      category: l.category as BudgetCategory,
      label: l.label ?? '',
      amount: l.amount ?? '',
    })),
    requested,
    otherFunding: (otherFunding as Record<string, string | undefined>[]).map((f) => ({
      source: f.source ?? '',
      amount: f.amount ?? '',
    })),
  };
}

type Row = { label: string; amountCents: number; category: BudgetCategory };
type Rows = { rows: Row[]; error?: AnswerError };

/**
 * Blank rows are skipped. An amount that does not parse, or an amount without a label, is
 * malformed; a label whose amount is still blank only matters at submission (a draft counts it 0).
 */
function readRows(
  rows: { label: string; amount: string; category?: string }[],
  part: 'lines' | 'otherFunding',
  submit: boolean,
): Rows {
  const out: Rows['rows'] = [];
  let total = 0;
  for (const [i, row] of rows.entries()) {
    const bad: Rows = { rows: [], error: { code: 'budget-invalid-line', values: { line: i + 1, part } } };
    const label = normaliseText(row.label);
    const amount = row.amount.trim();
    if (label === '' && amount === '') continue;
    if (row.category !== undefined && !(BUDGET_CATEGORIES as readonly string[]).includes(row.category)) return bad;
    const m = parseMoney(amount);
    if (!m.ok && m.error !== 'empty') return bad;
    if (label === '') return bad;
    if (!m.ok && submit) return bad;
    const cents = m.ok ? m.value : 0;
    // Each amount is at most MAX_CENTS and so is every running total: sums stay exact.
    if (total + cents > MAX_CENTS) return bad;
    total += cents;
    out.push({ label, amountCents: cents, category: (row.category ?? 'other') as BudgetCategory });
  }
  return { rows: out };
}

function sum(rows: { amountCents: number }[]): number {
  return rows.reduce((t, r) => t + r.amountCents, 0);
}

function normaliseBudget(raw: unknown, ctx: AnswerContext, submit: boolean): FieldResult {
  const b = readBudget(raw);
  if (b === BAD) return fail('invalid-value');
  if (b === null) return NONE;
  if (b.lines.length > MAX_BUDGET_LINES || b.otherFunding.length > MAX_BUDGET_LINES)
    return fail('too-many-items', { max: MAX_BUDGET_LINES });
  const labels = [...b.lines.map((l) => l.label), ...b.otherFunding.map((f) => f.source)];
  if (labels.some((label) => codePoints(label) > MAX_BUDGET_LABEL_LENGTH))
    return fail('too-long', { max: MAX_BUDGET_LABEL_LENGTH });
  const amounts = [b.requested, ...b.lines.map((l) => l.amount), ...b.otherFunding.map((f) => f.amount)];
  if (amounts.some((amount) => amount.length > MAX_INPUT_LENGTH)) return inputTooLong;

  const lines = readRows(b.lines, 'lines', submit);
  if (lines.error) return { value: null, error: lines.error };
  const funding = readRows(
    b.otherFunding.map((f) => ({ label: f.source, amount: f.amount })),
    'otherFunding',
    submit,
  );
  if (funding.error) return { value: null, error: funding.error };
  const req = parseMoney(b.requested);
  if (!req.ok && req.error !== 'empty') return fail('invalid-money', { reason: req.error, part: 'requested' });
  const requested = req.ok ? req.value : null;
  if (lines.rows.length === 0 && funding.rows.length === 0 && requested === null) return NONE;

  const budget: Budget = {
    lines: lines.rows.map((r) => ({ category: r.category, label: r.label, amountCents: r.amountCents })),
    totalCents: sum(lines.rows),
    requestedCents: requested ?? 0, // a draft without an amount requested yet
    otherFunding: funding.rows.map((r) => ({ source: r.label, amountCents: r.amountCents })),
    otherFundingCents: sum(funding.rows),
  };
  if (!submit) return { value: budget };

  const problem = (code: AnswerErrorCode, values?: Record<string, string | number>): FieldResult => ({
    value: budget,
    error: values ? { code, values } : { code },
  });
  if (budget.lines.length === 0) return problem('budget-empty');
  if (requested === null || requested === 0) return problem('required', { part: 'requested' });
  const funded = budget.requestedCents + budget.otherFundingCents;
  if (funded !== budget.totalCents)
    return problem('budget-unbalanced', { totalCents: budget.totalCents, fundedCents: funded });
  const { minCents, maxCents, coFundingMaxPercent } = ctx.grant;
  if (minCents !== null && requested < minCents) return problem('requested-below-min', { minCents });
  if (maxCents !== null && requested > maxCents) return problem('requested-above-max', { maxCents });
  if (coFundingMaxPercent !== null) {
    // requested ≤ percent % of total, in integers: the percentage in hundredths (80.5 % → 8050),
    // and BigInt because percent × total may pass 2^53.
    const basis = BigInt(Math.round(coFundingMaxPercent * 100));
    const total = BigInt(budget.totalCents);
    if (BigInt(requested) * 10_000n > basis * total) {
      return problem('requested-above-co-funding', {
        percent: coFundingMaxPercent,
        maxCents: Number((basis * total) / 10_000n),
      });
    }
  }
  return { value: budget };
}

// ---------------------------------------------------------------------------------------------

/** The amount requested, from the form's budget table; null without one or without an answer. */
export function requestedCents(form: FormDefinition, values: Answers): number | null {
  const field = allFields(form).find((f) => f.type === 'budget-table');
  const budget = field ? values[field.id] : undefined;
  return isBudget(budget) ? budget.requestedCents : null;
}

function isBudget(v: AnswerValue | undefined): v is Budget {
  return isPlainObject(v) && typeof v.requestedCents === 'number' && Array.isArray(v.lines);
}

/** The free-text answers (short and long texts), in form order, one per paragraph: for full-text search. */
export function searchableText(form: FormDefinition, values: Answers): string {
  return allFields(form)
    .filter((f) => f.type === 'short-text' || f.type === 'long-text')
    .map((f) => values[f.id])
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .join('\n\n');
}

/** The answers as canonical JSON (keys sorted at every depth): what the platform hashes. */
export function canonicalAnswers(values: Answers): string {
  return canonicalJson(values);
}

export interface ChecklistSection {
  sectionId: string;
  title: Translated;
  fields: { fieldId: string; label: Translated; error: AnswerError }[];
}

/**
 * What still stands in the way of submitting: the sections that have a problem, each with its
 * fields in form order. An empty list means the application may be submitted.
 */
export function missingForSubmission(form: FormDefinition, raw: RawAnswers, ctx: AnswerContext): ChecklistSection[] {
  const { errors } = normaliseAnswers(form, raw, ctx, { forSubmission: true });
  const sections: ChecklistSection[] = [];
  for (const section of form.sections) {
    const fields = section.fields.flatMap((f) => {
      const error = Object.hasOwn(errors, f.id) ? errors[f.id] : undefined;
      return error ? [{ fieldId: f.id, label: f.label, error }] : [];
    });
    if (fields.length > 0) sections.push({ sectionId: section.id, title: section.title, fields });
  }
  return sections;
}
