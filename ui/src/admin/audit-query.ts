import type { AuditQuery } from '../api';
import { t } from '../i18n';
import type { FieldErrors, Mapped } from './forms';

/** The actions and object types Harbour writes, offered as suggestions (any value may be typed). */
export const AUDIT_ACTIONS = [
  'USER_CREATED', 'USER_UPDATED', 'USER_DISABLED', 'USER_ENABLED', 'PASSWORD_RESET', 'PASSWORD_CHANGED',
  'FEED_KEY_ISSUED', 'FEED_KEY_REVOKED', 'CLIENT_CREATED', 'CLIENT_READ', 'CLIENT_LIST', 'CLIENT_UPDATED',
  'CLIENT_NEEDS_SAVED', 'PLACEMENTS_READ', 'BED_REQUEST', 'BED_REQUEST_OUTCOME', 'HOLD_CREATED', 'HOLD_RELEASED',
  'HOLD_ARRIVED', 'HOLD_NO_SHOW', 'HOLD_DECLINED', 'HOLD_RELEASED_WRONG_CODES', 'PLACEMENT_STARTED',
  'PLACEMENT_STARTED_AT_DOOR', 'PLACEMENT_ENDED', 'PLACEMENT_MOVED', 'WAITLIST_JOINED', 'WAITLIST_WITHDRAWN',
  'FACILITY_CREATED', 'FACILITY_UPDATED', 'PROGRAM_CREATED', 'PROGRAM_UPDATED', 'IMPORT_TORONTO_OCCUPANCY',
  'IMPORT_CENTRAL_INTAKE', 'RETENTION_PURGE',
];
export const AUDIT_OBJECT_TYPES = ['USER', 'FEED_KEY', 'CLIENT', 'BED_REQUEST', 'HOLD', 'PLACEMENT', 'WAITLIST_ENTRY',
  'FACILITY', 'PROGRAM', 'IMPORT', 'RETENTION_RUN'];

export const DEFAULT_AUDIT_LIMIT = 200;
export const MAX_AUDIT_LIMIT = 1000;

/**
 * A datetime-local value ("2026-01-05T21:30", the browser's own time zone) as the instant the service takes;
 * null when empty, undefined when it is not a date and time.
 */
export function instantFrom(local: string): string | null | undefined {
  if (!local.trim()) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local.trim())) return undefined;
  const at = new Date(local.trim());
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** The filter form as GET /api/audit's query, checked as the service would (so a mistake is said at once). */
export function auditQueryFrom(data: FormData): Mapped<AuditQuery> {
  const errors: FieldErrors = {};
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const query: AuditQuery = {};
  for (const name of ['username', 'objectType', 'action', 'remoteAddress'] as const) {
    const value = text(name);
    if (value) query[name] = name === 'objectType' || name === 'action' ? value.toUpperCase() : value;
  }
  const objectId = text('objectId');
  if (objectId) {
    if (/^\d+$/.test(objectId)) query.objectId = objectId;
    else errors.objectId = t('admin.err.integer');
  }
  for (const name of ['from', 'to'] as const) {
    const instant = instantFrom(text(name));
    if (instant === undefined) errors[name] = t('audit.err.dateTime');
    else if (instant) query[name] = instant;
  }
  if (query.from && query.to && query.to < query.from) errors.to = t('audit.err.toBeforeFrom');
  const limit = text('limit');
  if (limit) {
    const n = Number(limit);
    if (!/^\d+$/.test(limit) || n < 1 || n > MAX_AUDIT_LIMIT) errors.limit = t('audit.err.limit', { max: MAX_AUDIT_LIMIT });
    else query.limit = n;
  }
  return { body: query, errors };
}
