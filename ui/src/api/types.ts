/** Shapes of the public API (API.md); ids are opaque, so they are typed as string | number. */
export type Id = string | number;
export type Role = 'ADMIN' | 'SHELTER_STAFF' | 'CASEWORKER' | 'FUNDER';
export type ProgramType =
  | 'EMERGENCY_SHELTER' | 'DV_SHELTER' | 'YOUTH_SHELTER' | 'SAFE_HOUSE' | 'HOTEL_MOTEL'
  | 'TRANSITIONAL_HOUSING' | 'DETOX' | 'TREATMENT' | 'RESPITE';
export type Gender = 'WOMAN' | 'MAN' | 'TRANS_WOMAN' | 'TRANS_MAN' | 'NON_BINARY' | 'TWO_SPIRIT';

export const PROGRAM_TYPES: ProgramType[] = [
  'EMERGENCY_SHELTER', 'DV_SHELTER', 'YOUTH_SHELTER', 'SAFE_HOUSE', 'HOTEL_MOTEL',
  'TRANSITIONAL_HOUSING', 'DETOX', 'TREATMENT', 'RESPITE',
];
export const GENDERS: Gender[] = ['WOMAN', 'MAN', 'TRANS_WOMAN', 'TRANS_MAN', 'NON_BINARY', 'TWO_SPIRIT'];

export interface LoginResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  username: string;
  roles: Role[];
  /** The password was set by an admin (new account or reset): every route but the password change answers 403. */
  mustChangePassword?: boolean;
}

export interface Me {
  id: Id;
  username: string;
  role: Role;
  organization: string | null;
  facilityIds: Id[];
  active?: boolean;
  mustChangePassword?: boolean;
}

export interface Region { code: string; name: string; nameFr?: string; province: string }

export interface Availability {
  programId: Id;
  facilityId: Id;
  facilityName: string;
  programName: string;
  regionCode: string;
  municipality: string;
  type: ProgramType;
  population: string;
  capacityType: 'BED' | 'ROOM';
  capacity: number;
  available: number;
  held: number;
  bookable: number;
  outOfService: number;
  occupied: number;
  updatedAt: string;
  updatedBy: string;
  version: number;
  stale: boolean;
  refusalRate: number | null;
  doorOutcomes: number;
}

export interface Eligibility {
  genders: Gender[];
  minAge: number | null;
  maxAge: number | null;
  acceptsChildren: boolean;
  acceptsPets: boolean;
  substanceUse: 'SOBRIETY_REQUIRED' | 'HARM_REDUCTION' | 'ALLOWED';
  acceptsCurrentSexTrade: boolean;
  mandatoryActivities: boolean;
  wheelchairAccessible: boolean;
  traffickingSpecialized: boolean;
  languages: string[];
  culturallySpecific: string | null;
}

export interface IntakeHours {
  alwaysOpen: boolean;
  weekly: { day: string; open: string; close: string }[];
}

export interface Program {
  id: Id;
  facilityId: Id;
  name: string;
  type: ProgramType;
  population: string;
  capacityType: 'BED' | 'ROOM';
  capacity: number;
  maxStayDays: number | null;
  nightlyCost: number | null;
  eligibility: Eligibility;
}

/** A facility as the API answers it: what was sent (FacilityBody), its id and its programs. */
export interface Facility extends FacilityBody {
  id: Id;
  programs: Program[];
}

export interface Needs {
  gender?: Gender;
  age?: number;
  children?: number;
  pets?: boolean;
  substanceUse?: boolean;
  currentSexTrade?: boolean;
  wheelchair?: boolean;
  language?: string;
  traffickingSpecialized?: boolean;
  /** She cannot take part in mandatory chores or groups now ("she might need to sleep for a week"). */
  avoidMandatoryActivities?: boolean;
  /** A preference (INDIGENOUS, BLACK, NEWCOMER, 2SLGBTQ): programs that offer it rank first. */
  culturallySpecific?: CulturalFocus | null;
  /** Makes `language` a filter instead of a preference. */
  languageRequired?: boolean;
}

export interface BedRequest {
  clientId?: Id;
  regionCode?: string;
  types?: ProgramType[];
  /** Left out with a clientId: the service uses her stored needs (age from her birth year). */
  needs?: Needs;
  admitNow?: boolean;
  /** With a clientId and needs: store these needs on her record. */
  saveNeeds?: boolean;
  limit?: number;
}

export type MissReason =
  | 'GENDER' | 'AGE' | 'CHILDREN' | 'PETS' | 'SUBSTANCE_USE' | 'SEX_TRADE' | 'WHEELCHAIR' | 'LANGUAGE'
  | 'MANDATORY_ACTIVITIES' | 'NO_BED' | 'INTAKE_CLOSED';
export type MatchedPreference = 'TRAFFICKING_SPECIALIZED' | 'LANGUAGE' | 'CULTURALLY_SPECIFIC';

export interface Match {
  programId: Id;
  facilityId: Id;
  facilityName: string;
  programName: string;
  type: ProgramType;
  regionCode: string;
  municipality: string;
  bookable: number;
  intakeOpenNow: boolean;
  intakePhone: string | null;
  updatedAt: string;
  stale: boolean;
  maxStayDays: number | null;
  traffickingSpecialized?: boolean;
  /** Null for a confidential facility (and absent from older services). */
  address?: string | null;
  /** The next instants intake opens and closes; null when always open. */
  intakeOpensAt?: string | null;
  intakeClosesAt?: string | null;
  matchedPreferences?: MatchedPreference[];
}

/** A program that fails one or two conditions, and which ones. */
export interface NearMiss extends Match { reasons: MissReason[] }

export interface BedRequestResult {
  id: Id;
  matches: Match[];
  unmet: boolean;
  nearMisses?: NearMiss[];
  totalMatches?: number;
}
/** A hold; `arrivalCode` only in answers to the hold's own organization. */
export interface Hold { id: Id; programId: Id; clientId: Id | null; expiresAt: string; arrivalCode?: string | null }

/** The intake facts the shelter sees about the person coming (never a name or an alias). */
export interface IntakeNeeds {
  gender?: Gender | null; age?: number | null; children?: number | null; pets?: boolean | null;
  substanceUse?: boolean | null; wheelchair?: boolean | null; language?: string | null;
}

/** GET /api/programs/{id}/holds: staff get no clientId or code; the referring organization gets both. */
export interface ProgramHold {
  id: Id; programId?: Id; status?: string; createdAt?: string; expiresAt: string;
  referringOrganization?: string | null; needs?: IntakeNeeds | null;
  clientId?: Id | null; arrivalCode?: string | null;
}

export type DeclineReason =
  | 'GENDER' | 'AGE' | 'CHILDREN' | 'PETS' | 'SUBSTANCE_USE' | 'SEX_TRADE' | 'WHEELCHAIR' | 'LANGUAGE'
  | 'MANDATORY_ACTIVITIES' | 'NO_BED' | 'INTAKE_CLOSED' | 'SAFETY' | 'OTHER';
export const DECLINE_REASONS: DeclineReason[] = ['NO_BED', 'GENDER', 'AGE', 'CHILDREN', 'PETS', 'SUBSTANCE_USE',
  'SEX_TRADE', 'WHEELCHAIR', 'LANGUAGE', 'MANDATORY_ACTIVITIES', 'INTAKE_CLOSED', 'SAFETY', 'OTHER'];
export interface Client { id: Id; alias: string; birthYear?: number | null; gender?: Gender | null }
export interface Placement {
  id: Id; clientId: Id; programId: Id; startDate: string; expectedEndDate: string | null; status: string;
}

export type ReportGroupBy = 'region' | 'type' | 'population' | 'month';
export const REPORT_GROUPS: ReportGroupBy[] = ['region', 'type', 'population', 'month'];
/** Optional filters of the capacity report (API.md "Reports"); unset ones are left out of the URL. */
export interface CapacityFilters { regionCode?: string; type?: ProgramType; population?: Population; capacityType?: CapacityType }
/** groupBy2: a second dimension (API.md groupBy=region,type), each row then one cell of a cross-tab. */
export interface CapacityQuery extends CapacityFilters { from: string; to: string; groupBy: ReportGroupBy; groupBy2?: ReportGroupBy }
/** One group of GET /api/reports/capacity; counts of people under 5 come back null (suppressed). */
export interface CapacityRow {
  group: string;
  /** With two dimensions only. */
  group2?: string;
  capacityNights: number | null;
  occupiedNights: number | null;
  occupancyRate: number | null;
  bedRequests: number | null;
  unmetRequests: number | null;
  unmetRate: number | null;
  afterHoursRequests: number | null;
  placements: number | null;
  clients: number | null;
  movesPerEpisode: number | null;
  medianWaitDays: number | null;
  hotelNights: number | null;
  hotelCost: number | null;
  /** Holds that ended at the program's door (null below 5 people, each reason on its own). */
  doorArrivals: number | null;
  doorNoShows: number | null;
  doorRefusals: number | null;
  doorRefusalsByReason: Partial<Record<DeclineReason, number | null>>;
}
/** The rows, and the whole months that every figure about people covers (issue 18: the range widened to months). */
export interface CapacityReport {
  /** The dates covered: the asked ones, or the dates that have data when none were asked (issue 19). */
  range?: { from: string; to: string };
  rows: CapacityRow[];
  personFiguresPeriod: { from: string; to: string };
}

// Clients, placements and waitlists (caseworkers)
export type EndReason =
  | 'MOVED' | 'HOUSED' | 'MAX_STAY_REACHED' | 'FUNDING_ENDED' | 'LEFT' | 'DISCHARGED_RULES' | 'UNSAFE'
  | 'RETURNED_TO_EXPLOITER' | 'OTHER';
export const END_REASONS: EndReason[] = [
  'MOVED', 'HOUSED', 'MAX_STAY_REACHED', 'FUNDING_ENDED', 'LEFT', 'DISCHARGED_RULES', 'UNSAFE',
  'RETURNED_TO_EXPLOITER', 'OTHER',
];

/** A client as GET /api/clients answers it: an alias, never a legal name. */
export interface ClientDetail extends Client {
  needs?: Needs | null;
  consentToShare?: boolean;
  createdAt?: string;
}

/** PUT /api/clients/{id}: every field is sent, a cleared one as null. */
export interface ClientUpdate {
  alias: string;
  birthYear: number | null;
  gender: Gender | null;
  needs: Needs;
}

export interface NewClient {
  alias: string;
  birthYear?: number;
  gender?: Gender;
  needs?: Needs;
  consentToShare: boolean;
  /** Only an ADMIN without an organization of its own names the client's organization. */
  organization?: string;
}

/** A placement with where it was and how it ended (GET /api/clients/{id}/placements, GET /api/placements). */
export interface PlacementDetail extends Placement {
  programName: string;
  facilityName: string;
  programType: ProgramType;
  endDate: string | null;
  endReason: EndReason | null;
  moveReason: EndReason | null;
  nightlyCost: number | null;
  movedFromId: Id | null;
  nights: number;
}

/** The patchwork of one client: placements oldest first, and the service's own totals. */
export interface ClientPlacements {
  clientId: Id;
  placements: PlacementDetail[];
  moves: number;
  nights: number;
  episodes: number;
}

export interface EndPlacementBody { endDate: string; reason: EndReason }
export interface MovePlacementBody { toProgramId: Id; holdId?: Id | null; date: string; reason?: EndReason }

export type WaitlistStatus = 'WAITING' | 'OFFERED' | 'PLACED' | 'WITHDRAWN' | 'EXPIRED';
export interface WaitlistEntry {
  id: Id;
  clientId: Id;
  programId: Id | null;
  type: ProgramType | null;
  regionCode: string | null;
  priority: number;
  status: WaitlistStatus;
  /** Place in line among those waiting; 0 once no longer waiting. */
  position: number;
  createdAt: string;
  offeredProgramId: Id | null;
  holdId: Id | null;
  offerExpiresAt: string | null;
}
/** POST /api/waitlist's answer: the entry, and how many programs that fit her have a bed right now. */
export interface JoinedEntry extends WaitlistEntry { bookableNow?: number }
export type JoinWaitlistBody =
  | { clientId: Id; priority: number; programId: Id }
  | { clientId: Id; priority: number; type: ProgramType; regionCode: string };
/** Which entries to list: the organization's (no filter), one program's, or one type and region's. */
export interface WaitlistQuery { programId?: Id; type?: ProgramType; regionCode?: string }
// --- admin and reports ---------------------------------------------------------------------------
export type Population = 'WOMEN' | 'MEN' | 'MIXED_ADULT' | 'YOUTH' | 'FAMILIES';
export type CapacityType = 'BED' | 'ROOM';
export type SubstanceUse = Eligibility['substanceUse'];
export type CulturalFocus = 'INDIGENOUS' | 'BLACK' | 'NEWCOMER' | '2SLGBTQ';
export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
export const POPULATIONS: Population[] = ['WOMEN', 'MEN', 'MIXED_ADULT', 'YOUTH', 'FAMILIES'];
export const CAPACITY_TYPES: CapacityType[] = ['BED', 'ROOM'];
export const SUBSTANCE_USES: SubstanceUse[] = ['SOBRIETY_REQUIRED', 'HARM_REDUCTION', 'ALLOWED'];
export const CULTURAL_FOCUSES: CulturalFocus[] = ['INDIGENOUS', 'BLACK', 'NEWCOMER', '2SLGBTQ'];
export const WEEKDAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
export const ROLES: Role[] = ['ADMIN', 'SHELTER_STAFF', 'CASEWORKER', 'FUNDER'];

/** Body of POST /api/facilities and PUT /api/facilities/{id}. */
export interface FacilityBody {
  name: string;
  organization: string;
  regionCode: string;
  municipality: string;
  timeZone: string;
  address: string | null;
  confidential: boolean;
  intakePhone: string | null;
  intakeHours: IntakeHours;
}

/** Body of POST /api/facilities/{id}/programs and PUT /api/programs/{id}. */
export interface ProgramBody {
  name: string;
  type: ProgramType;
  population: Population;
  capacityType: CapacityType;
  capacity: number | null;
  maxStayDays: number | null;
  nightlyCost: number | null;
  eligibility: Eligibility;
}

/** What GET /api/users and POST /api/users answer (UserController.UserView). */
export interface UserAccount {
  id: Id; username: string; role: Role; organization: string | null; facilityIds: Id[];
  active: boolean; mustChangePassword: boolean;
}
export interface NewUser { username: string; password: string; role: Role; organization: string | null; facilityIds: Id[] }
/** Body of PUT /api/users/{id}: the account's access as it should be. */
export interface UserChange { role: Role; organization: string | null; facilityIds: Id[]; active: boolean }
/** POST /api/users/{id}/password-reset: shown once. */
export interface TemporaryPassword { temporaryPassword: string }

/** POST /api/facilities/{id}/feed-keys: the key is in this answer only. */
export interface FeedKey { id: Id; facilityId: Id; key: string }
/** GET /api/facilities/{id}/feed-keys: never the key. */
export interface ListedFeedKey { id: Id; createdAt: string; lastUsedAt: string | null; revoked: boolean; revokedAt?: string | null }

/** GET /api/audit (audit/AuditController.AuditEntry). */
export interface AuditEntry {
  id: Id; at: string; userId: Id | null; username: string; action: string; objectType: string;
  objectId: Id | null; remoteAddress: string | null;
}
/** The filters of GET /api/audit; from and to are instants (to exclusive). */
export interface AuditQuery {
  username?: string; objectType?: string; objectId?: string; action?: string; from?: string; to?: string;
  remoteAddress?: string; limit?: number;
}

/** GET /api/reports/turnaways (report/TurnawayReport): Toronto Central Intake's days and their totals. */
export interface TurnawayDay {
  date: string;
  callsHandled: number | null;
  referralsToSpace: number | null;
  unavailableFamily: number | null;
  unavailableIndividuals: number | null;
}
export interface TurnawayTotals {
  days: number; callsHandled: number; referralsToSpace: number; unavailableFamily: number; unavailableIndividuals: number;
}
/** With every program's refusals at the door over the range (null below 5 people, each reason on its own). */
export interface TurnawayReport {
  rows: TurnawayDay[]; totals: TurnawayTotals;
  doorRefusals: number | null; doorRefusalsByReason: Partial<Record<DeclineReason, number | null>>;
  /** The whole months the door figures cover (issue 18). */
  personFiguresPeriod?: { from: string; to: string };
}
