import { describe, expect, it } from 'vitest';
import { ApiError, type Facility } from '../api';
import {
  errorId, facilityBody, facilityDraft, languagesFrom, problemSummary, programBody, programDraft, serverFieldErrors,
  translateProblem, unplaced, userBody,
} from './forms';
import { facilityMatches, upsertFacility, upsertProgram } from './lists';

const form = (entries: [string, string][]) => {
  const d = new FormData();
  for (const [k, v] of entries) d.append(k, v);
  return d;
};

const facility: Facility = {
  id: 7, name: 'Harbour House', organization: 'Harbour Society', regionCode: 'ON-CENTRAL', municipality: 'Toronto',
  timeZone: 'America/Toronto', address: '12 Example St', confidential: true, intakePhone: '+1-416-555-0100',
  intakeHours: { alwaysOpen: false, weekly: [{ day: 'MONDAY', open: '09:00', close: '17:00' }] }, programs: [],
};

describe('facility form', () => {
  it('maps the fields to the API body, trimmed, empty optional ones as null, hours in row order', () => {
    const { body, errors } = facilityBody(form([
      ['name', ' Harbour House '], ['organization', 'Harbour Society'], ['regionCode', 'ON-CENTRAL'], ['municipality', 'Toronto'],
      ['timeZone', 'America/Toronto'], ['address', ''], ['confidential', 'on'], ['intakePhone', ''],
      ['weeklyDay', 'MONDAY'], ['weeklyOpen', '09:00'], ['weeklyClose', '17:00'],
      ['weeklyDay', 'SATURDAY'], ['weeklyOpen', '10:00'], ['weeklyClose', ''],
    ]));
    expect(errors).toEqual({});
    expect(body).toEqual({
      name: 'Harbour House', organization: 'Harbour Society', regionCode: 'ON-CENTRAL', municipality: 'Toronto',
      timeZone: 'America/Toronto', address: null, confidential: true, intakePhone: null,
      intakeHours: { alwaysOpen: false, weekly: [{ day: 'MONDAY', open: '09:00', close: '17:00' }, { day: 'SATURDAY', open: '10:00', close: '' }] },
    });
  });

  it('sends no weekly rows when intake is always open, and an unticked box as false', () => {
    const { body } = facilityBody(form([['name', 'X'], ['alwaysOpen', 'on'], ['weeklyDay', 'MONDAY'], ['weeklyOpen', '09:00'], ['weeklyClose', '17:00']]));
    expect(body.intakeHours).toEqual({ alwaysOpen: true, weekly: [] });
    expect(body.confidential).toBe(false);
  });

  it('starts an edit from the facility and a new one from sensible defaults', () => {
    expect(facilityDraft(facility)).toMatchObject({ name: 'Harbour House', confidential: true, intakeHours: facility.intakeHours });
    expect(facilityDraft()).toMatchObject({ timeZone: 'America/Toronto', intakeHours: { alwaysOpen: true, weekly: [] } });
  });
});

describe('program form', () => {
  const complete: [string, string][] = [
    ['name', 'Women’s beds'], ['type', 'DV_SHELTER'], ['population', 'WOMEN'], ['capacityType', 'BED'], ['capacity', '12'],
    ['maxStayDays', '24'], ['nightlyCost', ''], ['genders', 'WOMAN'], ['genders', 'TRANS_WOMAN'], ['minAge', '16'], ['maxAge', ''],
    ['acceptsChildren', 'on'], ['substanceUse', 'HARM_REDUCTION'], ['wheelchairAccessible', 'on'], ['traffickingSpecialized', 'on'],
    ['languages', 'EN, fr  cr,'], ['culturallySpecific', 'INDIGENOUS'],
  ];

  it('maps the program and its whole eligibility model', () => {
    const { body, errors } = programBody(form(complete));
    expect(errors).toEqual({});
    expect(body).toEqual({
      name: 'Women’s beds', type: 'DV_SHELTER', population: 'WOMEN', capacityType: 'BED', capacity: 12, maxStayDays: 24, nightlyCost: null,
      eligibility: {
        genders: ['WOMAN', 'TRANS_WOMAN'], minAge: 16, maxAge: null, acceptsChildren: true, acceptsPets: false,
        substanceUse: 'HARM_REDUCTION', acceptsCurrentSexTrade: false, mandatoryActivities: false, wheelchairAccessible: true,
        traffickingSpecialized: true, languages: ['en', 'fr', 'cr'], culturallySpecific: 'INDIGENOUS',
      },
    });
  });

  it('sends no culture as null, a cost with cents, and refuses numbers that are not whole under their API field', () => {
    const changed = complete.map(([k, v]): [string, string] =>
      k === 'culturallySpecific' ? [k, ''] : k === 'nightlyCost' ? [k, '95,50'] : k === 'capacity' ? [k, '2.5'] : k === 'minAge' ? [k, 'ten'] : [k, v]);
    const { body, errors } = programBody(form(changed));
    expect(body.eligibility.culturallySpecific).toBeNull();
    expect(body.nightlyCost).toBe(95.5);
    expect(Object.keys(errors).sort()).toEqual(['capacity', 'eligibility.minAge']);
    expect(programBody(form([['nightlyCost', '9.999']])).errors).toHaveProperty('nightlyCost');
  });

  it('reads languages loosely and without repeats', () => {
    expect(languagesFrom(' en;FR, en ')).toEqual(['en', 'fr']);
    expect(languagesFrom('')).toEqual([]);
  });

  it('starts a new program with nothing admitted yet, and an edit from its values', () => {
    expect(programDraft().eligibility.genders).toEqual([]);
    expect(programDraft().capacity).toBeNull();
  });
});

describe('user form', () => {
  it('keeps facilities for shelter staff only, ids as numbers', () => {
    const staff = userBody(form([['username', ' kim '], ['password', 'long-enough-pw'], ['role', 'SHELTER_STAFF'],
      ['organization', ''], ['facilityIds', '7'], ['facilityIds', '12']]));
    expect(staff).toEqual({ body: { username: 'kim', password: 'long-enough-pw', role: 'SHELTER_STAFF', organization: null, facilityIds: [7, 12] }, errors: {} });
    const caseworker = userBody(form([['username', 'lee'], ['password', 'long-enough-pw'], ['role', 'CASEWORKER'], ['organization', 'Outreach'], ['facilityIds', '7']]));
    expect(caseworker.body.facilityIds).toEqual([]);
  });

  it('refuses a password under 12 characters before asking the service', () => {
    expect(userBody(form([['username', 'kim'], ['password', 'short'], ['role', 'FUNDER']])).errors).toEqual({ password: 'At least 12 characters.' });
  });
});

describe('server problems', () => {
  const invalid = new ApiError(422, 'Invalid', 'Some fields are invalid', [
    { field: 'name', message: 'is required' },
    { field: 'eligibility.genders', message: 'name at least one gender the program admits' },
    { field: 'intakeHours.weekly[0].open', message: 'must be a time such as 09:00' },
    { field: 'regionCode', message: 'is required' },
    { field: 'regionCode', message: 'unknown region; see GET /api/regions' },
    { field: 'organization', message: 'must be at most 200 characters' },
    { field: 'organization', message: 'unknown region; see GET /api/regions' },
    { field: 'body', message: 'something else' },
  ]);

  it('puts each message under its field, in words of the chosen language when known', () => {
    expect(serverFieldErrors(invalid)).toEqual({
      name: 'Required.',
      regionCode: 'Required.',
      organization: 'must be at most 200 characters Choose a region from the list.',
      'eligibility.genders': 'Choose at least one gender the program admits.',
      'intakeHours.weekly[0].open': 'Enter a time such as 09:00.',
      body: 'something else',
    });
    expect(translateProblem('is required', 'fr')).toBe('Obligatoire.');
    expect(serverFieldErrors(new Error('x'))).toEqual({});
  });

  it('summarises 422, 409, 403 and network failures', () => {
    expect(problemSummary(invalid)).toBe('Not saved. Fix the 6 marked problems.');
    expect(problemSummary(new ApiError(409, 'Conflict', 'That username is taken', [], null, 'USERNAME_TAKEN'))).toBe('Not saved, it conflicts with what is there: That username is taken.');
    expect(problemSummary(new ApiError(409, 'Conflict', 'Something new', [], null, 'SOMETHING_NEW'))).toBe('Not saved, it conflicts with what is there: Something went wrong (409).');
    expect(problemSummary(new ApiError(403, 'Forbidden'))).toBe('Your account may not do this.');
    expect(problemSummary(new ApiError(0, 'network'))).toBe('Cannot reach Harbour. Check your connection.');
  });

  it('lists the errors no input shows, and names message ids safely', () => {
    expect(unplaced(serverFieldErrors(invalid), (f) => f !== 'body')).toEqual([['body', 'something else']]);
    expect(errorId('fac', 'intakeHours.weekly[0].open')).toBe('fac-err-intakeHours-weekly-0-open');
  });
});

describe('facility lists', () => {
  it('filters on name, municipality and region name', () => {
    const regions = new Map([['ON-CENTRAL', 'Central Ontario']]);
    expect(facilityMatches(facility, 'toronto')).toBe(true);
    expect(facilityMatches(facility, 'central ont', regions)).toBe(true);
    expect(facilityMatches(facility, 'sudbury')).toBe(false);
    expect(facilityMatches(facility, '  ')).toBe(true);
  });

  it('replaces or adds a facility and a program without touching the others', () => {
    const other = { ...facility, id: 8, name: 'Other' };
    expect(upsertFacility([facility, other], { ...facility, name: 'Renamed' }).map((f) => f.name)).toEqual(['Renamed', 'Other']);
    expect(upsertFacility([facility], other)).toHaveLength(2);
    const program = { id: 3, facilityId: 7, ...programDraft(), name: 'Beds', capacity: 4 };
    const withOne = upsertProgram(facility, program);
    expect(withOne.programs).toHaveLength(1);
    expect(withOne).not.toBe(facility);
    expect(upsertProgram(withOne, { ...program, capacity: 6 }).programs.map((p) => p.capacity)).toEqual([6]);
  });
});
