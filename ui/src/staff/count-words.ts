import { formatNumber, intlLocale, locale, t, tn, type Locale } from '../i18n';
import { problemMessage } from '../i18n/problem-text';
import type { Figures, FlushOutcome, QueuedChange } from './count-queue';
import type { CountField } from './counts';

/** "Available" / "Disponibles". */
export function fieldName(field: CountField, l: Locale = locale()): string {
  return t(field === 'available' ? 'staff.available' : 'staff.outOfService', {}, l);
}

/** "Available: 6 (was 4) and Out of service: 1 (was 0)", the changes as the person made them. */
export function changeList(changes: QueuedChange[], l: Locale = locale()): string {
  const parts = changes.map((c) => t('staff.changeText', { what: fieldName(c.field, l), from: c.from, to: c.to }, l));
  return new Intl.ListFormat(intlLocale(l), { type: 'conjunction' }).format(parts);
}

/** "Now: 2 available, 0 out of service." or that it could not be read. */
export function nowText(current: Figures | null, l: Locale = locale()): string {
  return current
    ? tn('staff.nowFigures', current.available, l,
      { available: formatNumber(current.available, l), outOfService: formatNumber(current.outOfService, l) })
    : t('staff.nowUnknown', {}, l);
}

/** What became of the changes made offline, in words: which were sent, or which were refused and why. */
export function outcomeText(o: FlushOutcome<Figures>, l: Locale = locale()): string {
  const changes = changeList(o.changes, l);
  if (o.kind === 'sent') return t('staff.sentOffline', { changes }, l);
  if (o.kind === 'conflict') return t('staff.refusedConflict', { changes, now: nowText(o.current, l) }, l);
  const detail = o.problem ? problemMessage(o.problem, l)
    : (l === 'en' && o.detail) || t('error.generic', { status: String(o.status) }, l);
  return t('staff.refused', { changes, detail: detail.replace(/[.\s]+$/, ''), now: nowText(o.current, l) }, l);
}

/** The banner above the counts: offline or not, and how many changes wait. */
export function waitingText(waiting: number, offline: boolean, l: Locale = locale()): string {
  if (waiting === 0) return offline ? t('staff.offline', {}, l) : '';
  const form = new Intl.PluralRules(intlLocale(l)).select(waiting) === 'one' ? 'one' : 'other';
  if (offline) return t(form === 'one' ? 'staff.waiting_one' : 'staff.waiting_other', { n: waiting }, l);
  return t(form === 'one' ? 'staff.sending_one' : 'staff.sending_other', { n: waiting }, l);
}
