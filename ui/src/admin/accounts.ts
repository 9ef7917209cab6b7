import type { Id, Role, UserAccount, UserChange } from '../api';
import { t, type MessageKey } from '../i18n';
import { idFrom, type FieldErrors, type Mapped } from './forms';

/** The edit form of an account as the body of PUT /api/users/{id}; facilities only for shelter staff. */
export function userChangeBody(data: FormData, active: boolean): Mapped<UserChange> {
  const errors: FieldErrors = {};
  const role = String(data.get('role') ?? '') as Role;
  const organization = String(data.get('organization') ?? '').trim() || null;
  const facilityIds = role === 'SHELTER_STAFF' ? data.getAll('facilityIds').map((v) => idFrom(String(v))) : [];
  if (role === 'CASEWORKER' && !organization) errors.organization = t('admin.err.required');
  if (role === 'SHELTER_STAFF' && facilityIds.length === 0) errors.facilityIds = t('admin.err.staffFacility');
  return { body: { role, organization, facilityIds, active }, errors };
}

/** The same account with only `active` changed: what the disable and enable buttons send. */
export function withActive(u: UserAccount, active: boolean): UserChange {
  return { role: u.role, organization: u.organization, facilityIds: u.facilityIds, active };
}

export type AccountState = 'disabled' | 'mustChange' | 'active';

/** Disabled first (she cannot sign in at all), then a password still to change. */
export function accountState(u: UserAccount): AccountState {
  if (!u.active) return 'disabled';
  return u.mustChangePassword ? 'mustChange' : 'active';
}

export function accountStateLabel(u: UserAccount): string {
  return t(`admin.account.state.${accountState(u)}` as MessageKey);
}

/** A filter over username, organization, role (in the shown language) and state. */
export function userMatches(u: UserAccount, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (!needle) return true;
  return [u.username, u.organization ?? '', t(`role.${u.role}` as MessageKey), accountStateLabel(u)]
    .some((s) => s.toLowerCase().includes(needle));
}

/** The list with this account replaced (same id) or added at the end. */
export function upsertUser(list: UserAccount[], u: UserAccount): UserAccount[] {
  const i = list.findIndex((x) => String(x.id) === String(u.id));
  return i < 0 ? [...list, u] : list.map((x, j) => (j === i ? u : x));
}

export function sameId(a: Id, b: Id): boolean {
  return String(a) === String(b);
}
