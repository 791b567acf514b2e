// The report model: validated data with references resolved and every figure
// computed, ready to lay out. Templates and workbook declarations read only this.
import type { CooperationData, CountryCode } from '../validate/data-types.ts';

type Data = CooperationData;
type Raw<K extends keyof Data, F extends string> = Data[K] extends { [P in F]: (infer T)[] } ? T : never;

export interface CountryRef {
  code: CountryCode;
  name: string;
}

export type Organisation = Omit<Raw<'organisations', 'organisations'>, 'country'> & { country?: CountryRef };

export type PartnerRegion = Omit<Raw<'partner-regions', 'regions'>, 'country' | 'fields' | 'direction'> & {
  country: CountryRef;
  fields: { id: string; name: string }[];
  direction: { id: string; name: string };
};

export interface CountryGroup<T> {
  country: CountryRef;
  items: T[];
  count: number;
}

export type CisCountry = Omit<Raw<'cis-cooperation', 'countries'>, 'country'> & { country: CountryRef };

export type Initiative = Omit<Raw<'initiatives', 'initiatives'>, 'countries' | 'organisations' | 'initiated_by' | 'direction'> & {
  countries: CountryRef[];
  organisations: Organisation[];
  initiatedBy?: Organisation;
  direction: { id: string; name: string };
};

type RawProgramme = Raw<'programmes', 'programmes'>;
type RawParticipant = NonNullable<RawProgramme['participants']>[number];

export type Participant = Omit<RawParticipant, 'country' | 'regions'> & {
  country: CountryRef;
  regions: NonNullable<RawParticipant['regions']>;
};

export type Programme = Omit<RawProgramme, 'countries' | 'funder' | 'participants' | 'direction'> & {
  countries: CountryRef[];
  funder?: Organisation;
  participants: Participant[];
  direction?: { id: string; name: string };
  projects: Project[];
  /** The largest projects by budget, at most LEADING_PROJECTS: what summaries and charts show. */
  leadingProjects: Project[];
  /** Projects beyond the leading ones. */
  otherProjects: number;
  /** Sum of the budgets of the programme's projects in this data set. */
  totalBudgetEur: number;
  byLeadCountry: LeadCountryTotal[];
};

export interface Project {
  id: string;
  acronym: string;
  seed_acronym?: string;
  title: string;
  seed_title?: string;
  programme: { id: string; name: string; calls: number[]; totalBudgetEur: number; projectCount: number };
  leningradPartners: Organisation[];
  leadPartner: Organisation & { country: CountryRef };
  budgetEur: number;
  /** Share of the programme's total over the projects in this data set, 0..1. */
  shareOfProgramme: number;
  /** Share of the total over all projects in this data set, 0..1. */
  shareOfTotal: number;
  /** 1-based rank by budget within the programme, largest first. */
  rankInProgramme: number;
}

export interface LeadCountryTotal {
  country: CountryRef;
  projects: number;
  budgetEur: number;
  share: number;
}

/** What the report says about one country, for tables by country. */
export interface CountryFigures {
  country: CountryRef;
  /** Named partner regions in the country. */
  partnerRegions: number;
  plannedContacts: number;
  /** Funded projects whose lead partner is in the country, and their budgets. */
  projectsLed: number;
  budgetLedEur: number;
}

export interface KeyFigures {
  partnerRegionsStated: number;
  partnerRegionsNamed: number;
  partnerCountries: number;
  plannedContacts: number;
  directions: number;
  programmes: number;
  projects: number;
  totalBudgetEur: number;
}

export interface ReportModel {
  report: Data['report']['report'];
  figures: KeyFigures;
  directions: Data['directions']['directions'];
  countries: CountryRef[];
  /** One entry per country of the data, in its order, zeros included. */
  countryFigures: CountryFigures[];
  fieldsOfCooperation: Data['partner-regions']['fields_of_cooperation'];
  partnerRegions: PartnerRegion[];
  /** Named partners (not planned contacts), grouped by country, largest group first. */
  partnersByCountry: CountryGroup<PartnerRegion>[];
  plannedContacts: PartnerRegion[];
  /** Why the planned contacts matter now (2006, the Year of China). */
  asiaOutlook: Data['partner-regions']['asia_outlook'];
  cis: CisCountry[];
  initiatives: Initiative[];
  purposesOfMostProgrammes: string[];
  programmes: Programme[];
  programmesByKind: Record<RawProgramme['kind'], Programme[]>;
  /** Programmes with at least one project in the data, each with its own brief. */
  fundedProgrammes: Programme[];
  projects: Project[];
  organisations: Organisation[];
}
