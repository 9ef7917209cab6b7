// The API calls the browser tests need to set the scene and to check what the dashboard did.
export class Harbour {
  constructor(base) {
    this.base = base;
  }

  async call(user, method, path, body) {
    const response = await fetch(this.base + path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(user?.token ? { Authorization: `Bearer ${user.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }

  async login(username, password) {
    const r = await this.call(null, 'POST', '/api/login', { username, password });
    return { username, password, token: r.access_token };
  }

  /** A user as an admin makes her, who then chooses her own password (an admin-set one must be changed first). */
  async user(admin, role, suffix, extra = {}) {
    const username = `e2e-${role.toLowerCase().replace('_', '-')}-${suffix}`;
    const given = `e2e-given-${suffix}`;
    const password = `e2e-password-${suffix}`;
    await this.call(admin, 'POST', '/api/users', { username, password: given, role, ...extra });
    await this.changePassword(await this.login(username, given), password);
    return this.login(username, password);
  }

  async changePassword(user, newPassword) {
    await this.call(user, 'POST', '/api/users/me/password', { currentPassword: user.password, newPassword });
    return { ...user, password: newPassword };
  }

  /** A facility of its own (always open, broad rules) and one user per role. */
  async setUp(adminName, adminPassword) {
    const admin = await this.login(adminName, adminPassword);
    const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const regionCode = 'ON-NORTHEAST';
    const phone = '+1-705-555-0199';
    const organization = `E2E Outreach ${suffix}`;
    const facility = await this.call(admin, 'POST', '/api/facilities', {
      name: `E2E Harbour House ${suffix}`, organization: `E2E Shelter Society ${suffix}`, regionCode,
      municipality: 'Sudbury', timeZone: 'America/Toronto', address: '1 Test Lane', confidential: true,
      intakePhone: phone, intakeHours: { alwaysOpen: true, weekly: [] },
      programs: [{
        name: 'Emergency beds', type: 'EMERGENCY_SHELTER', population: 'MIXED_ADULT', capacityType: 'BED', capacity: 10,
        maxStayDays: 30, nightlyCost: null,
        eligibility: {
          genders: ['WOMAN', 'MAN', 'TRANS_WOMAN', 'TRANS_MAN', 'NON_BINARY', 'TWO_SPIRIT'], minAge: 16, maxAge: null,
          acceptsChildren: true, acceptsPets: true, substanceUse: 'HARM_REDUCTION', acceptsCurrentSexTrade: true,
          mandatoryActivities: false, wheelchairAccessible: true, traffickingSpecialized: false,
          languages: ['en', 'fr'], culturallySpecific: null,
        },
      }],
    });
    const programId = facility.programs[0].id;
    const staff = await this.user(admin, 'SHELTER_STAFF', suffix, { organization: `E2E Shelter Society ${suffix}`, facilityIds: [facility.id] });
    const caseworker = await this.user(admin, 'CASEWORKER', suffix, { organization });
    const funder = await this.user(admin, 'FUNDER', suffix, { organization: `E2E Fund ${suffix}` });
    await this.setAvailability(staff, programId, 5, 0);
    return { admin, staff, caseworker, funder, programId, facilityId: facility.id, regionCode, phone, alias: `E2E-${suffix}` };
  }

  setAvailability(user, programId, available, outOfService) {
    const body = outOfService === undefined ? { available } : { available, outOfService };
    return this.call(user, 'PUT', `/api/programs/${programId}/availability`, body);
  }

  availability(user, programId) {
    return this.call(user, 'GET', `/api/programs/${programId}/availability`);
  }
}
