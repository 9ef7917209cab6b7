import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type MessageKey } from './en';
import { fr } from './fr';

export type Locale = 'en' | 'fr';
export type { MessageKey };
const catalogs = { en, fr } as const;
const LOCALE_KEY = 'harbour.locale';
const listeners = new Set<() => void>();

let current: Locale = initialLocale();

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(LOCALE_KEY);
    if (saved === 'en' || saved === 'fr') return saved;
  } catch {
    /* storage may be off */
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function locale(): Locale {
  return current;
}

/** BCP 47 tag for Intl: Canadian English and French. */
export function intlLocale(l: Locale = current): string {
  return l === 'fr' ? 'fr-CA' : 'en-CA';
}

export function setLocale(next: Locale): void {
  current = next;
  try {
    localStorage.setItem(LOCALE_KEY, next);
  } catch {
    /* not kept, still switched */
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  listeners.forEach((l) => l());
}

export function t(key: MessageKey, params: Record<string, string | number> = {}, l: Locale = current): string {
  const text = catalogs[l][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined ? `{${name}}` : typeof v === 'number' ? formatNumber(v, l) : v;
  });
}

/** A key that has plural forms: "board.programs" for board.programs_one and board.programs_other. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_one` ? Base : never) : never;

/**
 * A count with its plural form: key_one / key_other chosen by the locale's plural rules (French says 0 and 1 in
 * the singular, English only 1). Other placeholders of the message come in params.
 */
export function tn(key: PluralKey, n: number, l: Locale = current, params: Record<string, string | number> = {}): string {
  const form = new Intl.PluralRules(intlLocale(l)).select(n) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, { ...params, n }, l);
}

/** "Bookable: 3" / "Réservables : 3", never broken between the label and its figure (French: a space before the colon too). */
export function labelled(label: string, value: string | number, l: Locale = current): string {
  return t('common.labelled', { label, value: typeof value === 'number' ? formatNumber(value, l) : value }, l);
}

/** A phone number that never breaks across lines (non-breaking hyphens and spaces); the tel: link keeps the original. */
export function unbrokenPhone(phone: string): string {
  return phone.replace(/-/g, '\u2011').replace(/ /g, '\u00a0');
}

export function formatNumber(n: number, l: Locale = current): string {
  return new Intl.NumberFormat(intlLocale(l)).format(n);
}

export function formatPercent(ratio: number, l: Locale = current): string {
  return new Intl.NumberFormat(intlLocale(l), { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

export function formatDateTime(iso: string, l: Locale = current): string {
  return new Intl.DateTimeFormat(intlLocale(l), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "3 hours ago" / "il y a 3 heures", in the largest whole unit. */
export function formatAge(iso: string, now: number = Date.now(), l: Locale = current): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(intlLocale(l), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

/** "12:05" countdown for holds. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-renders a Lit component when the language changes. */
export class LocaleController implements ReactiveController {
  private off: (() => void) | null = null;
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    this.off = onLocaleChange(() => this.host.requestUpdate());
  }
  hostDisconnected(): void {
    this.off?.();
  }
}

/** Label of an enum value (type.DV_SHELTER...), or the raw value when the catalog has none. */
export function tEnum(prefix: 'type' | 'pop' | 'gender', value: string): string {
  const key = `${prefix}.${value}`;
  return key in en ? t(key as MessageKey) : value;
}

/** A region's name in the language shown (its English name when it has no French one). */
export function regionName(region: { name: string; nameFr?: string }, l: Locale = current): string {
  return l === 'fr' && region.nameFr ? region.nameFr : region.name;
}
