import type { LiveMessage } from './socket';
import { formatDateTime, intlLocale, locale, t, type Locale } from '../i18n';
import { reasonInSentence } from '../door/door';

/** Something a caseworker must act on, from the live socket: a waitlist offer or a placement ending. */
export interface Notice {
  id: string;
  kind: 'offered' | 'ending' | DoorKind;
  programId: string;
  /** ISO instant the offer expires, or the placement's expected end date (YYYY-MM-DD). */
  when: string;
  /** An offer's waitlist entry, to name its client from the caller's own lists. */
  entryId?: string;
  /** The client's alias, once read from the caller's own client list (never from the message). */
  alias?: string;
  /** A door outcome's hold, and its client once found in the caseworker's own holds. */
  holdId?: string;
  clientId?: string;
  /** Why the shelter could not take her (hold.declined). */
  reason?: string;
}

export type DoorKind = 'arrived' | 'declined' | 'noShow';
const DOOR_KINDS: Record<string, DoorKind> = { 'hold.arrived': 'arrived', 'hold.declined': 'declined', 'hold.no-show': 'noShow' };

export function isDoorNotice(n: Notice): boolean {
  return n.kind === 'arrived' || n.kind === 'declined' || n.kind === 'noShow';
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
  const door = DOOR_KINDS[m.type];
  if (door && m.programId != null && m.holdId != null) {
    const notice: Notice = { id: `door-${String(m.holdId)}`, kind: door, programId: String(m.programId), when: '', holdId: String(m.holdId) };
    if (typeof m.reason === 'string') notice.reason = m.reason;
    return notice;
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
  if (isDoorNotice(n)) {
    const alias = n.alias ?? t('notice.yourClient', {}, l);
    if (n.kind === 'arrived') return t('notice.arrived', { program, alias: n.alias ?? capitalize(alias) }, l);
    if (n.kind === 'noShow') return t('notice.noShow', { program, alias }, l);
    return t('notice.declined', { program, alias, reason: reasonInSentence(n.reason ?? 'OTHER', l) }, l);
  }
  if (n.kind === 'offered' && n.alias) return t('notice.offeredFor', { program, alias: n.alias, time: formatDateTime(n.when, l) }, l);
  return n.kind === 'offered'
    ? t('notice.offered', { program, time: formatDateTime(n.when, l) }, l)
    : t('notice.ending', { program, date: formatDay(n.when, l) }, l);
}

/** Where a notice leads: an offer to the waitlists (to accept it), a placement ending to the clients' list. */
export function noticeLink(n: Notice): string {
  if (n.kind === 'arrived') return n.clientId ? `#/clients/${encodeURIComponent(n.clientId)}` : '#/clients';
  if (isDoorNotice(n)) return n.clientId ? `#/find?client=${encodeURIComponent(n.clientId)}` : '#/find';
  return n.kind === 'offered' ? '#/waitlist' : '#/clients';
}

/** The words of a notice's link. */
export function noticeLinkKey(n: Notice): 'notice.openWaitlist' | 'notice.openEnding' | 'notice.findNext' | 'notice.openTimeline' {
  if (n.kind === 'arrived') return 'notice.openTimeline';
  if (isDoorNotice(n)) return 'notice.findNext';
  return n.kind === 'offered' ? 'notice.openWaitlist' : 'notice.openEnding';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
