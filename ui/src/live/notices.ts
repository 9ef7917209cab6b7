import type { LiveMessage } from './socket';
import { formatDateTime, intlLocale, locale, t, type Locale } from '../i18n';

/** Something a caseworker must act on, from the live socket: a waitlist offer or a placement ending. */
export interface Notice {
  id: string;
  kind: 'offered' | 'ending';
  programId: string;
  /** ISO instant the offer expires, or the placement's expected end date (YYYY-MM-DD). */
  when: string;
  /** An offer's waitlist entry, to name its client from the caller's own lists. */
  entryId?: string;
  /** The client's alias, once read from the caller's own client list (never from the message). */
  alias?: string;
}

/** The alias of an offer's client: its entry in the organization's waitlist, its client in her client list. */
export function offerAlias(entryId: string | undefined, entries: { id: unknown; clientId: unknown }[],
  clients: { id: unknown; alias: string }[]): string | undefined {
  if (entryId === undefined) return undefined;
  const entry = entries.find((e) => String(e.id) === entryId);
  return entry ? clients.find((c) => String(c.id) === String(entry.clientId))?.alias : undefined;
}

export function noticeFrom(m: LiveMessage): Notice | null {
  if (m.type === 'waitlist.offered' && m.programId != null && typeof m.offerExpiresAt === 'string') {
    const notice: Notice = { id: `offered-${String(m.entryId ?? m.seq)}`, kind: 'offered', programId: String(m.programId), when: m.offerExpiresAt };
    if (m.entryId != null) notice.entryId = String(m.entryId);
    return notice;
  }
  if (m.type === 'placement.ending' && m.programId != null && typeof m.expectedEndDate === 'string') {
    return { id: `ending-${String(m.placementId ?? m.seq)}`, kind: 'ending', programId: String(m.programId), when: m.expectedEndDate };
  }
  return null;
}

/** A calendar date (no time, no zone) as the locale writes it, the same day everywhere. */
export function formatDay(isoDate: string, l: Locale = locale()): string {
  const [y, mo, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(l), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, mo - 1, d)));
}

/** The notice in words; the program by name when the board knows it. */
export function noticeText(n: Notice, programName: string | undefined, l: Locale = locale()): string {
  const program = programName ?? t('notice.unknownProgram', {}, l);
  if (n.kind === 'offered' && n.alias) return t('notice.offeredFor', { program, alias: n.alias, time: formatDateTime(n.when, l) }, l);
  return n.kind === 'offered'
    ? t('notice.offered', { program, time: formatDateTime(n.when, l) }, l)
    : t('notice.ending', { program, date: formatDay(n.when, l) }, l);
}

/** Where a notice leads: an offer to the waitlists (to accept it), a placement ending to the clients' list. */
export function noticeLink(n: Notice): string {
  return n.kind === 'offered' ? '#/waitlist' : '#/clients';
}
