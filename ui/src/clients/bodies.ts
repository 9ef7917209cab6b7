import type {
  ClientDetail, ClientUpdate, EndPlacementBody, EndReason, Gender, Id, MovePlacementBody, NewClient, Needs,
} from '../api/types';
import { FLAGS, needsFrom, type FieldValues } from '../find/needs';

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
  const { age: _age, ...needs } = needsFrom(form);
  const body: NewClient = { alias: text(form, 'alias'), consentToShare: form.get('consentToShare') === 'on', needs };
  const birthYear = int(form, 'birthYear');
  if (birthYear !== undefined) body.birthYear = birthYear;
  const gender = text(form, 'gender');
  if (gender) body.gender = gender as Gender;
  const organization = text(form, 'organization');
  if (organization) body.organization = organization;
  return body;
}

/** PUT /api/clients/{id} from the edit form: every field, a cleared birth year or gender as null. */
export function clientUpdateFrom(form: FormData): ClientUpdate {
  const { age: _age, ...needs } = needsFrom(form);
  const gender = text(form, 'gender');
  return { alias: text(form, 'alias'), birthYear: int(form, 'birthYear') ?? null, gender: gender ? (gender as Gender) : null, needs };
}

/**
 * POST /api/clients for the new alias typed in the search form: everything the form says about her is
 * kept (her needs, her gender, a birth year from the age given), so the next search for her starts from it.
 */
export function clientFromSearch(alias: string, needs: Needs, year: number): NewClient {
  const { age, ...rest } = needs;
  const body: NewClient = { alias: alias.trim(), consentToShare: false, needs: rest };
  if (age !== undefined) body.birthYear = year - age;
  if (needs.gender) body.gender = needs.gender;
  return body;
}

/** The edit form's starting values: what her record says. */
export function clientFieldValues(client: ClientDetail): FieldValues {
  return { alias: client.alias, birthYear: client.birthYear ? String(client.birthYear) : '', ...searchFieldsFor(client, 0), age: '' };
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
export function searchFieldsFor(client: ClientDetail, year: number): FieldValues {
  const needs: Needs = client.needs ?? {};
  const age = client.birthYear ? year - client.birthYear : needs.age;
  return {
    gender: client.gender ?? needs.gender ?? '',
    age: age == null ? '' : String(age),
    children: String(needs.children ?? 0),
    language: needs.language ?? '',
    ...Object.fromEntries(FLAGS.map(([name]) => [name, needs[name] === true])),
    languageRequired: needs.languageRequired === true,
    culturallySpecific: needs.culturallySpecific ?? '',
  };
}

/** Sorts clients by alias the way the locale sorts words. */
export function byAlias<T extends { alias: string }>(clients: T[], lang: string): T[] {
  return [...clients].sort((a, b) => a.alias.localeCompare(b.alias, lang, { numeric: true, sensitivity: 'base' }));
}

export function sameId(a: Id | null | undefined, b: Id | null | undefined): boolean {
  return a != null && b != null && String(a) === String(b);
}
