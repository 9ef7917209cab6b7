import type { Role } from './types';

/** Figures a problem or a field error names (min, max, allowed, limit...), for its translation. */
export type ProblemParams = Record<string, string | number | string[]>;

/** One field at fault: `code` (a FieldCode of the service) is what the dashboard translates; `message` is English. */
export interface FieldProblem { field: string; message: string; code?: string; params?: ProblemParams }

/**
 * An RFC 9457 problem answered by the service, or a network failure (status 0). `code` (a ProblemCode of the
 * service) and `params` are what a screen shows, through i18n/problem-text: `detail` is English for API readers.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | null = null,
    readonly errors: FieldProblem[] = [],
    readonly body: unknown = null,
    readonly code: string | null = null,
    readonly params: ProblemParams = {},
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
  }
}

/** mustChangePassword: signed in with a password an admin set; only the password change is open until then. */
export interface Session { token: string; username: string; roles: Role[]; expiresAt: number; mustChangePassword?: boolean }

/** The type of the 403 answered to a user who must change her password first (account/PasswordChangeGate). */
export const PASSWORD_CHANGE_REQUIRED = '/problems/password-change-required';

const SESSION_KEY = 'harbour.session';

/** The token lives in sessionStorage only: it is gone when the tab closes and never in localStorage. */
export const session = {
  get(): Session | null {
    try {
      const raw = sessionStorage.getItem(SESSION_KEY);
      if (!raw) return null;
      const s = JSON.parse(raw) as Session;
      return s.expiresAt > Date.now() ? s : null;
    } catch {
      return null;
    }
  },
  set(s: Session): void {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
  },
  clear(): void {
    sessionStorage.removeItem(SESSION_KEY);
  },
};

let onUnauthorized: () => void = () => {};
let onPasswordChangeRequired: () => void = () => {};
/** Called when the service says the password must be changed first (an admin reset it while she was signed in). */
export function setPasswordChangeHandler(handler: () => void): void {
  onPasswordChangeRequired = handler;
}
/** Called when the service rejects the token (expired or revoked), so the app can show sign-in. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/**
 * One API call. `auth` sends the session's token and treats a 401 as the end of the session;
 * `bearer` sends the given token instead, and a 401 is then the caller's to handle.
 */
export async function request<T>(method: string, path: string, body?: unknown, auth = true, bearer?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const current = session.get();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  else if (auth && current) headers.Authorization = `Bearer ${current.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : null;
  if (!response.ok) {
    if (response.status === 401 && auth && !bearer) {
      session.clear();
      onUnauthorized();
    }
    const error = toError(response.status, parsed);
    if (isPasswordChangeRequired(error) && auth && !bearer && current) {
      session.set({ ...current, mustChangePassword: true });
      onPasswordChangeRequired();
    }
    throw error;
  }
  return parsed as T;
}

/** A non-JSON answer (a CSV download): the same token, errors and 401 handling as request(). */
export async function requestBlob(path: string, accept: string): Promise<Blob> {
  const headers: Record<string, string> = { Accept: accept };
  const current = session.get();
  if (current) headers.Authorization = `Bearer ${current.token}`;
  let response: Response;
  try {
    response = await fetch(path, { method: 'GET', headers, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (!response.ok) {
    const text = await response.text();
    if (response.status === 401) {
      session.clear();
      onUnauthorized();
    }
    throw toError(response.status, text ? safeJson(text) : null);
  }
  return response.blob();
}

export function isPasswordChangeRequired(e: unknown): boolean {
  return e instanceof ApiError && e.status === 403 && (e.body as { type?: unknown } | null)?.type === PASSWORD_CHANGE_REQUIRED;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object') {
    const p = body as { title?: string; detail?: string; errors?: FieldProblem[]; code?: string; params?: ProblemParams };
    return new ApiError(status, p.title ?? String(status), p.detail ?? null, Array.isArray(p.errors) ? p.errors : [], body,
      typeof p.code === 'string' ? p.code : null, p.params && typeof p.params === 'object' ? p.params : {});
  }
  return new ApiError(status, String(status), null, [], body);
}
