import type {
  ClientDetail, EndPlacementBody, EndReason, Gender, Id, MovePlacementBody, NewClient, Needs,
} from '../api/types';
import { bedRequestFrom } from '../find/needs';

function text(form: FormData, name: string): string {
  return String(form.get(name) ?? '').trim();
}

function int(form: FormData, name: string): number | undefined {
  const n = Number.parseInt(text(form, name), 10);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * POST /api/clients from the new-client form: an alias, never a legal name. The needs use the same field
 * names as the find-a-bed form; age is left out, the birth year stays true as years pass.
 */
export function newClientFrom(form: FormData): NewClient {
  const { age: _age, ...needs } = bedRequestFrom(form).needs;
  const body: NewClient = { alias: text(form, 'alias'), consentToShare: form.get('consentToShare') === 'on', needs };
  const birthYear = int(form, 'birthYear');
  if (birthYear !== undefined) body.birthYear = birthYear;
  const gender = text(form, 'gender');
  if (gender) body.gender = gender as Gender;
  const organization = text(form, 'organization');
  if (organization) body.organization = organization;
  return body;
}

/** POST /api/placements/{id}/end */
export function endBodyFrom(form: FormData): EndPlacementBody {
  return { endDate: text(form, 'endDate'), reason: text(form, 'reason') as EndReason };
}

/** POST /api/placements/{id}/move: the old placement ends as MOVED; `reason` says why she had to move. */
export function moveBodyFrom(form: FormData): MovePlacementBody {
  const body: MovePlacementBody = { toProgramId: text(form, 'toProgramId'), date: text(form, 'date') };
  const reason = text(form, 'reason');
  if (reason) body.reason = reason as EndReason;
  return body;
}

/** The find-a-bed form's fields for a client: her stated needs, her age this year, her gender. */
export function searchFieldsFor(client: ClientDetail, year: number): Record<string, string | boolean> {
  const needs: Needs = client.needs ?? {};
  const age = client.birthYear ? year - client.birthYear : needs.age;
  return {
    gender: client.gender ?? needs.gender ?? '',
    age: age === undefined ? '' : String(age),
    children: String(needs.children ?? 0),
    language: needs.language ?? '',
    pets: needs.pets === true,
    substanceUse: needs.substanceUse === true,
    currentSexTrade: needs.currentSexTrade === true,
    wheelchair: needs.wheelchair === true,
    traffickingSpecialized: needs.traffickingSpecialized === true,
  };
}

/** Sorts clients by alias the way the locale sorts words. */
export function byAlias<T extends { alias: string }>(clients: T[], lang: string): T[] {
  return [...clients].sort((a, b) => a.alias.localeCompare(b.alias, lang, { numeric: true, sensitivity: 'base' }));
}

export function sameId(a: Id | null | undefined, b: Id | null | undefined): boolean {
  return a != null && b != null && String(a) === String(b);
}
