import { ApiError, request, requestBlob, session } from './http';
import type {
  Availability, BedRequest, ReportGroupBy, DeclineReason, ProgramHold, CapacityQuery, CapacityReport, BedRequestResult, Client, Facility, Hold, Id, LoginResponse, Me, Placement, Region,
  ClientDetail, ClientPlacements, ClientUpdate, JoinedEntry, EndPlacementBody, JoinWaitlistBody, MovePlacementBody, NewClient, PlacementDetail, WaitlistEntry,
  WaitlistQuery,
  FacilityBody, FeedKey, NewUser, Program, ProgramBody, TurnawayReport, UserAccount,
  AuditEntry, AuditQuery, ListedFeedKey, TemporaryPassword, UserChange,
} from './types';

export * from './types';
export { ApiError, isPasswordChangeRequired, session, setPasswordChangeHandler, setUnauthorizedHandler } from './http';
export type { FieldProblem, ProblemParams, Session } from './http';

const enc = encodeURIComponent;

/** GET /api/reports/capacity with the query in a fixed order (the JSON and the CSV use the same URL). */
export function capacityReportUrl(q: CapacityQuery): string {
  const groupBy = q.groupBy2 ? `${q.groupBy},${q.groupBy2}` : q.groupBy;
  const params = new URLSearchParams({ from: q.from, to: q.to, groupBy });
  for (const name of ['regionCode', 'type', 'population', 'capacityType'] as const) {
    const value = q[name];
    if (value) params.set(name, value);
  }
  return `/api/reports/capacity?${params}`;
}

/** GET /api/reports/turnaways for an inclusive date range (JSON, or CSV with the same URL). */
export function turnawayReportUrl(q: { from: string; to: string }): string {
  return `/api/reports/turnaways?${new URLSearchParams({ from: q.from, to: q.to })}`;
}

export async function signIn(username: string, password: string): Promise<LoginResponse> {
  const r = await request<LoginResponse>('POST', '/api/login', { username, password }, false);
  keep(r);
  return r;
}

export type RefreshOutcome = 'refreshed' | 'refused' | 'unreachable';

/**
 * Swaps a still-valid token for a fresh one (POST /api/login/refresh). Refused 12 h after the password
 * was typed or once the user is disabled: the current token then lives out its time and the next 401
 * shows sign-in.
 */
export async function refreshSession(): Promise<RefreshOutcome> {
  const current = session.get();
  if (!current) return 'refused';
  try {
    keep(await request<LoginResponse>('POST', '/api/login/refresh', undefined, false, current.token));
    return 'refreshed';
  } catch (e) {
    const status = e instanceof ApiError ? e.status : 0;
    return status === 0 || status >= 500 || status === 429 ? 'unreachable' : 'refused';
  }
}

function keep(r: LoginResponse): void {
  session.set({
    token: r.access_token,
    username: r.username,
    roles: r.roles,
    expiresAt: Date.now() + r.expires_in * 1000,
    mustChangePassword: r.mustChangePassword === true,
  });
}

export function signOut(): void {
  session.clear();
}

export const SPREADSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const api = {
  me: () => request<Me>('GET', '/api/users/me'),
  regions: () => request<Region[]>('GET', '/api/regions'),
  facilities: () => request<Facility[]>('GET', '/api/facilities'),
  availability: () => request<Availability[]>('GET', '/api/availability'),
  programAvailability: (programId: Id) =>
    request<Availability>('GET', `/api/programs/${enc(String(programId))}/availability`),
  updateAvailability: (programId: Id, body: { available: number; outOfService?: number; version?: number }) =>
    request<Availability>('PUT', `/api/programs/${enc(String(programId))}/availability`, body),
  findBed: (body: BedRequest) => request<BedRequestResult>('POST', '/api/bed-requests', body),
  hold: (programId: Id, body: { clientId?: Id; minutes?: number }) =>
    request<Hold>('POST', `/api/programs/${enc(String(programId))}/holds`, body),
  releaseHold: (holdId: Id) => request<void>('DELETE', `/api/holds/${enc(String(holdId))}`),
  programHolds: (programId: Id) => request<ProgramHold[]>('GET', `/api/programs/${enc(String(programId))}/holds`),
  // the door (that facility's staff)
  arrive: (holdId: Id, arrivalCode: string) =>
    request<Placement>('POST', `/api/holds/${enc(String(holdId))}/arrive`, { arrivalCode }),
  noShow: (holdId: Id) => request<unknown>('POST', `/api/holds/${enc(String(holdId))}/no-show`),
  decline: (holdId: Id, reason: DeclineReason) =>
    request<unknown>('POST', `/api/holds/${enc(String(holdId))}/decline`, { reason }),
  clients: () => request<Client[]>('GET', '/api/clients'),
  createClient: (body: NewClient) => request<ClientDetail>('POST', '/api/clients', body),
  updateClient: (id: Id, body: ClientUpdate) => request<ClientDetail>('PUT', `/api/clients/${enc(String(id))}`, body),
  place: (body: { clientId: Id; programId: Id; holdId?: Id | null; startDate?: string; expectedEndDate?: string | null }) =>
    request<Placement>('POST', '/api/placements', body),
  capacityReport: (q: CapacityQuery) => request<CapacityReport>('GET', capacityReportUrl(q)),
  capacityReportCsv: (q: CapacityQuery) => requestBlob(capacityReportUrl(q), 'text/csv'),
  /** The same report as an .xlsx spreadsheet whose first rows state the period, the suppression rule and the sources. */
  capacityReportSheet: (q: CapacityQuery) => requestBlob(capacityReportUrl(q), SPREADSHEET_TYPE),
  /** Every program as Open Referral HSDS 3.1 for 211 directories (ADMIN, FUNDER). */
  hsdsExport: () => requestBlob('/api/exports/hsds', 'application/json'),
  /** Without dates: the service answers for the dates that have data and says which (range). */
  capacityReportOfAllData: (groupBy: ReportGroupBy) =>
    request<CapacityReport>('GET', `/api/reports/capacity?${new URLSearchParams({ groupBy })}`),
  // clients, placements and waitlists
  clientList: () => request<ClientDetail[]>('GET', '/api/clients'),
  client: (id: Id) => request<ClientDetail>('GET', `/api/clients/${enc(String(id))}`),
  newClient: (body: NewClient) => request<ClientDetail>('POST', '/api/clients', body),
  clientPlacements: (id: Id) => request<ClientPlacements>('GET', `/api/clients/${enc(String(id))}/placements`),
  endPlacement: (id: Id, body: EndPlacementBody) =>
    request<PlacementDetail>('POST', `/api/placements/${enc(String(id))}/end`, body),
  movePlacement: (id: Id, body: MovePlacementBody) =>
    request<PlacementDetail>('POST', `/api/placements/${enc(String(id))}/move`, body),
  placementsEnding: (days: number) => request<PlacementDetail[]>('GET', `/api/placements?endingWithinDays=${days}`),
  waitlist: (q: WaitlistQuery = {}) => request<WaitlistEntry[]>('GET', waitlistUrl(q)),
  joinWaitlist: (body: JoinWaitlistBody) => request<JoinedEntry>('POST', '/api/waitlist', body),
  withdrawWaitlist: (id: Id) => request<void>('DELETE', `/api/waitlist/${enc(String(id))}`),
  // admin and reports
  createFacility: (body: FacilityBody) => request<Facility>('POST', '/api/facilities', body),
  updateFacility: (id: Id, body: FacilityBody) => request<Facility>('PUT', `/api/facilities/${enc(String(id))}`, body),
  addProgram: (facilityId: Id, body: ProgramBody) =>
    request<Program>('POST', `/api/facilities/${enc(String(facilityId))}/programs`, body),
  updateProgram: (programId: Id, body: ProgramBody) => request<Program>('PUT', `/api/programs/${enc(String(programId))}`, body),
  createFeedKey: (facilityId: Id) => request<FeedKey>('POST', `/api/facilities/${enc(String(facilityId))}/feed-keys`),
  users: () => request<UserAccount[]>('GET', '/api/users'),
  createUser: (body: NewUser) => request<UserAccount>('POST', '/api/users', body),
  updateUser: (id: Id, body: UserChange) => request<UserAccount>('PUT', `/api/users/${enc(String(id))}`, body),
  resetPassword: (id: Id) => request<TemporaryPassword>('POST', `/api/users/${enc(String(id))}/password-reset`),
  changeOwnPassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/api/users/me/password', { currentPassword, newPassword }),
  feedKeys: (facilityId: Id) => request<ListedFeedKey[]>('GET', `/api/facilities/${enc(String(facilityId))}/feed-keys`),
  revokeFeedKey: (keyId: Id) => request<void>('DELETE', `/api/feed-keys/${enc(String(keyId))}`),
  audit: (q: AuditQuery) => request<AuditEntry[]>('GET', auditUrl(q)),
  turnawayReport: (q: { from: string; to: string }) => request<TurnawayReport>('GET', turnawayReportUrl(q)),
  turnawayReportCsv: (q: { from: string; to: string }) => requestBlob(turnawayReportUrl(q), 'text/csv'),
};

/** GET /api/audit with the filters that are set, in a fixed order. */
export function auditUrl(q: AuditQuery): string {
  const params = new URLSearchParams();
  for (const name of ['username', 'objectType', 'objectId', 'action', 'from', 'to', 'remoteAddress'] as const) {
    const value = q[name]?.trim();
    if (value) params.set(name, value);
  }
  if (q.limit) params.set('limit', String(q.limit));
  const query = params.toString();
  return query ? `/api/audit?${query}` : '/api/audit';
}

/** GET /api/waitlist: the organization's entries, or one program's, or one type and region's. */
export function waitlistUrl(q: WaitlistQuery): string {
  if (q.programId != null) return `/api/waitlist?${new URLSearchParams({ programId: String(q.programId) })}`;
  if (q.type && q.regionCode) return `/api/waitlist?${new URLSearchParams({ type: q.type, regionCode: q.regionCode })}`;
  return '/api/waitlist';
}
