import { request, requestBlob, session } from './http';
import type {
  Availability, BedRequest, CapacityQuery, CapacityReport, BedRequestResult, Client, Facility, Hold, Id, LoginResponse, Me, Placement, Region,
} from './types';

export * from './types';
export { ApiError, session, setUnauthorizedHandler } from './http';
export type { Session } from './http';

const enc = encodeURIComponent;

/** GET /api/reports/capacity with the query in a fixed order (the JSON and the CSV use the same URL). */
export function capacityReportUrl(q: CapacityQuery): string {
  const params = new URLSearchParams({ from: q.from, to: q.to, groupBy: q.groupBy });
  return `/api/reports/capacity?${params}`;
}

export async function signIn(username: string, password: string): Promise<LoginResponse> {
  const r = await request<LoginResponse>('POST', '/api/login', { username, password }, false);
  session.set({
    token: r.access_token,
    username: r.username,
    roles: r.roles,
    expiresAt: Date.now() + r.expires_in * 1000,
  });
  return r;
}

export function signOut(): void {
  session.clear();
}

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
  clients: () => request<Client[]>('GET', '/api/clients'),
  createClient: (body: { alias: string; birthYear?: number; gender?: string; consentToShare?: boolean }) =>
    request<Client>('POST', '/api/clients', body),
  place: (body: { clientId: Id; programId: Id; holdId?: Id | null; startDate?: string; expectedEndDate?: string | null }) =>
    request<Placement>('POST', '/api/placements', body),
  capacityReport: (q: CapacityQuery) => request<CapacityReport>('GET', capacityReportUrl(q)),
  capacityReportCsv: (q: CapacityQuery) => requestBlob(capacityReportUrl(q), 'text/csv'),
};
