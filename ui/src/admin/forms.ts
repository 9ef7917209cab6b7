import {
  ApiError, type CapacityType, type CulturalFocus, type Eligibility, type Facility, type FacilityBody, type Gender,
  type FieldProblem, type Id, type NewUser, type Population, type Program, type ProgramBody, type ProgramType, type Role,
  type SubstanceUse,
} from '../api';
import { t, tn, type Locale } from '../i18n';
import { fieldMessage, problemMessage } from '../i18n/problem-text';

/** Messages by the API's field path ("name", "eligibility.genders", "intakeHours.weekly[0].open"). */
export type FieldErrors = Record<string, string>;

export interface Mapped<T> { body: T; errors: FieldErrors }

const text = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();
const optional = (data: FormData, name: string): string | null => text(data, name) || null;
const checked = (data: FormData, name: string): boolean => data.get(name) === 'on';

/** A whole number, null when empty; anything else is recorded as an error under the API's field name. */
function integer(data: FormData, name: string, field: string, errors: FieldErrors): number | null {
  const raw = text(data, name);
  if (raw === '') return null;
  if (!/^-?\d+$/.test(raw)) {
    errors[field] = t('admin.err.integer');
    return null;
  }
  return Number(raw);
}

function decimal(data: FormData, name: string, field: string, errors: FieldErrors): number | null {
  const raw = text(data, name).replace(',', '.');
  if (raw === '') return null;
  if (!/^-?\d+(\.\d{1,2})?$/.test(raw)) {
    errors[field] = t('admin.err.money');
    return null;
  }
  return Number(raw);
}

/** An opaque id back from a form value: numbers stay numbers (the API sends them so). */
export function idFrom(value: string): Id {
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** The facility form as the body of POST /api/facilities or PUT /api/facilities/{id}. */
export function facilityBody(data: FormData): Mapped<FacilityBody> {
  const alwaysOpen = checked(data, 'alwaysOpen');
  const days = data.getAll('weeklyDay').map(String);
  const opens = data.getAll('weeklyOpen').map(String);
  const closes = data.getAll('weeklyClose').map(String);
  const weekly = alwaysOpen ? [] : days.map((day, i) => ({ day, open: opens[i] ?? '', close: closes[i] ?? '' }));
  return {
    body: {
      name: text(data, 'name'),
      organization: text(data, 'organization'),
      regionCode: text(data, 'regionCode'),
      municipality: text(data, 'municipality'),
      timeZone: text(data, 'timeZone'),
      address: optional(data, 'address'),
      confidential: checked(data, 'confidential'),
      intakePhone: optional(data, 'intakePhone'),
      intakeHours: { alwaysOpen, weekly },
    },
    errors: {},
  };
}

/** Languages typed as "en, fr cr" -> ["en", "fr", "cr"]; the service checks the codes. */
export function languagesFrom(raw: string): string[] {
  return [...new Set(raw.split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean))];
}

/** The program form (with its eligibility) as the body of POST .../programs or PUT /api/programs/{id}. */
export function programBody(data: FormData): Mapped<ProgramBody> {
  const errors: FieldErrors = {};
  const eligibility: Eligibility = {
    genders: data.getAll('genders').map(String) as Gender[],
    minAge: integer(data, 'minAge', 'eligibility.minAge', errors),
    maxAge: integer(data, 'maxAge', 'eligibility.maxAge', errors),
    acceptsChildren: checked(data, 'acceptsChildren'),
    acceptsPets: checked(data, 'acceptsPets'),
    substanceUse: text(data, 'substanceUse') as SubstanceUse,
    acceptsCurrentSexTrade: checked(data, 'acceptsCurrentSexTrade'),
    mandatoryActivities: checked(data, 'mandatoryActivities'),
    wheelchairAccessible: checked(data, 'wheelchairAccessible'),
    traffickingSpecialized: checked(data, 'traffickingSpecialized'),
    languages: languagesFrom(text(data, 'languages')),
    culturallySpecific: (optional(data, 'culturallySpecific') as CulturalFocus | null),
  };
  const body: ProgramBody = {
    name: text(data, 'name'),
    type: text(data, 'type') as ProgramType,
    population: text(data, 'population') as Population,
    capacityType: text(data, 'capacityType') as CapacityType,
    capacity: integer(data, 'capacity', 'capacity', errors),
    maxStayDays: integer(data, 'maxStayDays', 'maxStayDays', errors),
    nightlyCost: decimal(data, 'nightlyCost', 'nightlyCost', errors),
    eligibility,
  };
  return { body, errors };
}

export const MIN_PASSWORD = 12;

/** The new-user form; facilities only for shelter staff, whose accounts are tied to them. */
export function userBody(data: FormData): Mapped<NewUser> {
  const errors: FieldErrors = {};
  const role = text(data, 'role') as Role;
  const password = String(data.get('password') ?? '');
  if (password.length < MIN_PASSWORD) errors.password = t('admin.err.passwordLength', { n: MIN_PASSWORD });
  return {
    body: {
      username: text(data, 'username'),
      password,
      role,
      organization: optional(data, 'organization'),
      facilityIds: role === 'SHELTER_STAFF' ? data.getAll('facilityIds').map((v) => idFrom(String(v))) : [],
    },
    errors,
  };
}

/** A blank facility, or the one being edited, as the values the form starts from. */
export function facilityDraft(f?: Facility): FacilityBody {
  return f
    ? {
      name: f.name, organization: f.organization, regionCode: f.regionCode, municipality: f.municipality,
      timeZone: f.timeZone, address: f.address, confidential: f.confidential, intakePhone: f.intakePhone,
      intakeHours: { alwaysOpen: f.intakeHours?.alwaysOpen ?? true, weekly: f.intakeHours?.weekly ?? [] },
    }
    : {
      name: '', organization: '', regionCode: '', municipality: '', timeZone: 'America/Toronto', address: null,
      confidential: false, intakePhone: null, intakeHours: { alwaysOpen: true, weekly: [] },
    };
}

export function programDraft(p?: Program): ProgramBody {
  return p
    ? {
      name: p.name, type: p.type, population: p.population as Population, capacityType: p.capacityType,
      capacity: p.capacity, maxStayDays: p.maxStayDays, nightlyCost: p.nightlyCost, eligibility: { ...p.eligibility },
    }
    : {
      name: '', type: 'EMERGENCY_SHELTER', population: 'MIXED_ADULT', capacityType: 'BED', capacity: null,
      maxStayDays: null, nightlyCost: null,
      eligibility: {
        genders: [], minAge: null, maxAge: null, acceptsChildren: false, acceptsPets: false,
        substanceUse: 'HARM_REDUCTION', acceptsCurrentSexTrade: false, mandatoryActivities: false,
        wheelchairAccessible: false, traffickingSpecialized: false, languages: ['en'], culturallySpecific: null,
      },
    };
}

/** The service's English words for the commonest problems, said in the chosen language. */
const KNOWN: [RegExp, Parameters<typeof t>[0]][] = [
  [/^is required$/, 'admin.err.required'],
  [/^name at least one gender/, 'admin.err.genders'],
  [/^must not be below minAge$/, 'admin.err.maxAge'],
  [/^must be a time such as/, 'admin.err.time'],
  [/^must be an IANA time zone/, 'admin.err.timeZone'],
  [/^a shelter staff user needs at least one facility$/, 'admin.err.staffFacility'],
  [/^unknown region/, 'admin.err.region'],
];

export function translateProblem(message: string, l?: Locale): string {
  return specificWords(message, l) ?? message;
}

/**
 * The form's own words for a problem it knows more precisely than the code's general ones ("Must not be below the
 * minimum age." rather than BEFORE_START's "Must not be before the start."), in the chosen language; else nothing.
 */
function specificWords(message: string, l?: Locale): string | undefined {
  const known = KNOWN.find(([pattern]) => pattern.test(message));
  return known ? t(known[1], {}, l) : undefined;
}

/**
 * A 422's errors[] by field, in the chosen language: by each error's code (i18n/problem-text), or, for a service
 * too old to send codes, by its known English words. A missing value says only that: what else the service found
 * wrong with the empty value is noise.
 */
export function serverFieldErrors(err: unknown): FieldErrors {
  const byField = new Map<string, FieldProblem[]>();
  if (!(err instanceof ApiError)) return {};
  for (const e of err.errors) {
    const field = e.field || 'body';
    byField.set(field, [...(byField.get(field) ?? []), e]);
  }
  const errors: FieldErrors = {};
  for (const [field, problems] of byField) {
    const required = problems.find((p) => p.code === 'REQUIRED' || p.message === 'is required');
    const shown = required ? [required] : problems;
    errors[field] = [...new Set(shown.map((p) => specificWords(p.message) ?? (p.code ? fieldMessage(p) : p.message)))].join(' ');
  }
  return errors;
}

/** What to say about a failed save that is not about one field: a conflict, a refusal, the network. */
export function problemSummary(err: unknown): string {
  if (!(err instanceof ApiError)) return t('error.network');
  if (err.status === 0) return t('error.network');
  if (err.status === 409) return t('admin.conflict', { detail: problemMessage(err) });
  if (err.status === 422 || err.status === 400) {
    // One problem per field, as the form shows them.
    const fields = new Set(err.errors.map((e) => e.field || 'body')).size;
    return fields ? tn('admin.fixErrors', fields) : problemMessage(err);
  }
  if (err.status === 403 && (!err.code || err.code === 'FORBIDDEN')) return t('admin.forbidden');
  if (err.status === 404 && (!err.code || err.code === 'NOT_FOUND')) return t('admin.notFound');
  return problemMessage(err);
}

/** A DOM id for a field's message: "intakeHours.weekly[0].open" -> "err-intakeHours-weekly-0-open". */
export function errorId(prefix: string, field: string): string {
  return `${prefix}-err-${field.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}

/** Errors whose field the form does not show next to an input, so the summary lists them instead. */
export function unplaced(errors: FieldErrors, shown: (field: string) => boolean): [string, string][] {
  return Object.entries(errors).filter(([field]) => !shown(field));
}
