import { en, type MessageKey } from './en';
import { formatNumber, labelled, locale, t, type Locale } from './index';

/** What a screen needs of a problem the service answered (api/http's ApiError has it). */
export interface ProblemLike {
  status: number;
  code?: string | null;
  params?: Record<string, unknown>;
  errors?: { field: string; message: string; code?: string; params?: Record<string, unknown> }[];
  detail?: string | null;
}

/**
 * The one translator of the service's problems (issue 19): a problem's `code` and each field's `code`, with their
 * params, become the sentence of the language shown. An unknown code says the generic sentence with the status in
 * that language, never the English `detail` in French.
 */
export function problemMessage(problem: unknown, l: Locale = locale()): string {
  if (!isProblem(problem) || problem.status === 0) return t('error.network', {}, l);
  const fields = problem.errors ?? [];
  if (fields.length && (problem.code === 'INVALID' || problem.code === 'BAD_DATE_PARAMETER' || !problem.code)) {
    return unique(fields.map((f) => labelled(fieldLabel(f.field, l), fieldMessage(f, l), l))).join(' ');
  }
  if (problem.code === 'NOT_FOUND') {
    const object = `object.${String(problem.params?.object ?? '')}`;
    if (object in en) return t(object as MessageKey, {}, l);
  }
  const key = `problem.${problem.code ?? ''}`;
  if (problem.code && key in en) return t(key as MessageKey, params(problem.params, l), l);
  return t('error.generic', { status: String(problem.status) }, l);
}

/** One field's refusal in the language shown ("At most 200 characters." / "200 caractères au plus."). */
export function fieldMessage(
  field: { message: string; code?: string; params?: Record<string, unknown> },
  l: Locale = locale(),
): string {
  const key = `field.${field.code ?? ''}`;
  if (field.code && key in en) return t(key as MessageKey, params(field.params, l), l);
  return l === 'en' && field.message ? field.message : t('field.INVALID_VALUE', {}, l);
}

/** A field's name in words ("birthYear" -> "Année de naissance"), or its path when it has none. */
export function fieldLabel(field: string, l: Locale = locale()): string {
  const leaf = field.replace(/\[\d+\]/g, '').split('.').pop() ?? field;
  const key = `fieldName.${leaf}`;
  return key in en ? t(key as MessageKey, {}, l) : field;
}

/** The figures of a rule as text of the language: numbers in its format, lists joined. */
function params(values: Record<string, unknown> | undefined, l: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    out[name] = typeof value === 'number' ? formatNumber(value, l) : Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function unique(texts: string[]): string[] {
  return [...new Set(texts)];
}

function isProblem(e: unknown): e is ProblemLike {
  return typeof e === 'object' && e !== null && typeof (e as { status?: unknown }).status === 'number';
}
