// Generated from schemas/*.schema.json by `npm run types`. Do not edit.

export type Id = string;
export type CountryCode =
  | 'AD'
  | 'AE'
  | 'AF'
  | 'AG'
  | 'AI'
  | 'AL'
  | 'AM'
  | 'AO'
  | 'AQ'
  | 'AR'
  | 'AS'
  | 'AT'
  | 'AU'
  | 'AW'
  | 'AX'
  | 'AZ'
  | 'BA'
  | 'BB'
  | 'BD'
  | 'BE'
  | 'BF'
  | 'BG'
  | 'BH'
  | 'BI'
  | 'BJ'
  | 'BL'
  | 'BM'
  | 'BN'
  | 'BO'
  | 'BQ'
  | 'BR'
  | 'BS'
  | 'BT'
  | 'BV'
  | 'BW'
  | 'BY'
  | 'BZ'
  | 'CA'
  | 'CC'
  | 'CD'
  | 'CF'
  | 'CG'
  | 'CH'
  | 'CI'
  | 'CK'
  | 'CL'
  | 'CM'
  | 'CN'
  | 'CO'
  | 'CR'
  | 'CU'
  | 'CV'
  | 'CW'
  | 'CX'
  | 'CY'
  | 'CZ'
  | 'DE'
  | 'DJ'
  | 'DK'
  | 'DM'
  | 'DO'
  | 'DZ'
  | 'EC'
  | 'EE'
  | 'EG'
  | 'EH'
  | 'ER'
  | 'ES'
  | 'ET'
  | 'FI'
  | 'FJ'
  | 'FK'
  | 'FM'
  | 'FO'
  | 'FR'
  | 'GA'
  | 'GB'
  | 'GD'
  | 'GE'
  | 'GF'
  | 'GG'
  | 'GH'
  | 'GI'
  | 'GL'
  | 'GM'
  | 'GN'
  | 'GP'
  | 'GQ'
  | 'GR'
  | 'GS'
  | 'GT'
  | 'GU'
  | 'GW'
  | 'GY'
  | 'HK'
  | 'HM'
  | 'HN'
  | 'HR'
  | 'HT'
  | 'HU'
  | 'ID'
  | 'IE'
  | 'IL'
  | 'IM'
  | 'IN'
  | 'IO'
  | 'IQ'
  | 'IR'
  | 'IS'
  | 'IT'
  | 'JE'
  | 'JM'
  | 'JO'
  | 'JP'
  | 'KE'
  | 'KG'
  | 'KH'
  | 'KI'
  | 'KM'
  | 'KN'
  | 'KP'
  | 'KR'
  | 'KW'
  | 'KY'
  | 'KZ'
  | 'LA'
  | 'LB'
  | 'LC'
  | 'LI'
  | 'LK'
  | 'LR'
  | 'LS'
  | 'LT'
  | 'LU'
  | 'LV'
  | 'LY'
  | 'MA'
  | 'MC'
  | 'MD'
  | 'ME'
  | 'MF'
  | 'MG'
  | 'MH'
  | 'MK'
  | 'ML'
  | 'MM'
  | 'MN'
  | 'MO'
  | 'MP'
  | 'MQ'
  | 'MR'
  | 'MS'
  | 'MT'
  | 'MU'
  | 'MV'
  | 'MW'
  | 'MX'
  | 'MY'
  | 'MZ'
  | 'NA'
  | 'NC'
  | 'NE'
  | 'NF'
  | 'NG'
  | 'NI'
  | 'NL'
  | 'NO'
  | 'NP'
  | 'NR'
  | 'NU'
  | 'NZ'
  | 'OM'
  | 'PA'
  | 'PE'
  | 'PF'
  | 'PG'
  | 'PH'
  | 'PK'
  | 'PL'
  | 'PM'
  | 'PN'
  | 'PR'
  | 'PS'
  | 'PT'
  | 'PW'
  | 'PY'
  | 'QA'
  | 'RE'
  | 'RO'
  | 'RS'
  | 'RU'
  | 'RW'
  | 'SA'
  | 'SB'
  | 'SC'
  | 'SD'
  | 'SE'
  | 'SG'
  | 'SH'
  | 'SI'
  | 'SJ'
  | 'SK'
  | 'SL'
  | 'SM'
  | 'SN'
  | 'SO'
  | 'SR'
  | 'SS'
  | 'ST'
  | 'SV'
  | 'SX'
  | 'SY'
  | 'SZ'
  | 'TC'
  | 'TD'
  | 'TF'
  | 'TG'
  | 'TH'
  | 'TJ'
  | 'TK'
  | 'TL'
  | 'TM'
  | 'TN'
  | 'TO'
  | 'TR'
  | 'TT'
  | 'TV'
  | 'TW'
  | 'TZ'
  | 'UA'
  | 'UG'
  | 'UM'
  | 'US'
  | 'UY'
  | 'UZ'
  | 'VA'
  | 'VC'
  | 'VE'
  | 'VG'
  | 'VI'
  | 'VN'
  | 'VU'
  | 'WF'
  | 'WS'
  | 'YE'
  | 'YT'
  | 'ZA'
  | 'ZM'
  | 'ZW';
/**
 * A remark on how the record was read from the source
 */
export type Note = string;
export type Name = string;
export type Text = string;
export type IsoDate = string;
export type Year = number;
export type Eur = number;

/**
 * Every data file, by collection name, as validated against schemas/.
 */
export interface CooperationData {
  'cis-cooperation': CooperationWithCISCountries;
  countries: Countries;
  directions: MainDirectionsOfCooperation;
  initiatives: PolicyDialogueAndMultilateralInitiatives;
  organisations: Organisations;
  'partner-regions': ForeignPartnerRegions;
  programmes: Programmes;
  projects: FundedProjects;
  report: TheReport;
}
export interface CooperationWithCISCountries {
  /**
   * @minItems 1
   * @maxItems 100000
   */
  countries: CisCountry[];
}
export interface CisCountry {
  id: Id;
  country: CountryCode;
  status: 'active' | 'under-consideration';
  most_intensive?: boolean;
  note?: Note;
}
export interface Countries {
  /**
   * @minItems 1
   * @maxItems 100000
   */
  countries: Country[];
}
export interface Country {
  code: CountryCode;
  name: Name;
  seed_name?: Name;
}
export interface MainDirectionsOfCooperation {
  /**
   * @minItems 1
   * @maxItems 100000
   */
  directions: Direction[];
}
export interface Direction {
  id: Id;
  name: Name;
  seed_text?: Text;
  summary: Text;
}
export interface PolicyDialogueAndMultilateralInitiatives {
  /**
   * @minItems 1
   * @maxItems 100000
   */
  initiatives: Initiative[];
}
export interface Initiative {
  id: Id;
  name: Name;
  seed_name?: Name;
  kind: 'policy-dialogue' | 'multilateral-project';
  direction: Id;
  initiated_by?: Id;
  /**
   * @minItems 1
   * @maxItems 100000
   */
  elements?: {
    name: Name;
    seed_name?: Name;
  }[];
  policy?: Name;
  /**
   * @minItems 1
   * @maxItems 100000
   */
  countries?: CountryCode[];
  /**
   * @minItems 1
   * @maxItems 100000
   */
  organisations?: Id[];
  summary: Text;
}
export interface Organisations {
  /**
   * @minItems 1
   * @maxItems 100000
   */
  organisations: Organisation[];
}
export interface Organisation {
  id: Id;
  name: Name;
  seed_name?: Name;
  kind:
    | 'international-organisation'
    | 'financial-institution'
    | 'fund'
    | 'government'
    | 'government-agency'
    | 'regional-government'
    | 'local-government'
    | 'municipality'
    | 'association'
    | 'agency'
    | 'foundation';
  country?: CountryCode;
  note?: Note;
}
export interface ForeignPartnerRegions {
  /**
   * The number of partner regions the report states, named or not
   */
  stated_total: number;
  stated_as_of: IsoDate;
  /**
   * @minItems 1
   * @maxItems 100000
   */
  fields_of_cooperation: CooperationField[];
  /**
   * @minItems 1
   * @maxItems 100000
   */
  regions: PartnerRegion[];
  asia_outlook: {
    year: Year;
    occasion: Name;
    seed_text?: Text;
  };
}
export interface CooperationField {
  id: Id;
  name: Name;
  seed_text?: Text;
}
export interface PartnerRegion {
  id: Id;
  name: Name;
  seed_name?: Name;
  country: CountryCode;
  kind: 'region' | 'county' | 'voivodeship' | 'province' | 'state' | 'federal-state' | 'prefecture' | 'oblast';
  /**
   * partner: an established partnership; planned: contacts planned for a coming year
   */
  status: 'partner' | 'planned';
  direction: Id;
  /**
   * @minItems 1
   * @maxItems 100000
   */
  fields?: Id[];
  planned_for?: Year;
  note?: Note;
}
export interface Programmes {
  /**
   * @minItems 1
   * @maxItems 100000
   */
  purposes_of_most_programmes: Text[];
  /**
   * @minItems 1
   * @maxItems 100000
   */
  programmes: Programme[];
}
export interface Programme {
  id: Id;
  name: Name;
  seed_name?: Name;
  kind: 'technical-assistance' | 'investment' | 'federal' | 'transnational';
  funder?: Id;
  /**
   * @minItems 1
   * @maxItems 100000
   */
  countries?: CountryCode[];
  direction?: Id;
  town?: Name;
  purpose?: Text;
  seed_purpose?: Text;
  belt?: Name;
  period?: {
    start: Year;
    end: Year;
  };
  /**
   * @minItems 1
   * @maxItems 100000
   */
  supported_fields?: Text[];
  /**
   * @minItems 1
   * @maxItems 100000
   */
  calls?: number[];
  /**
   * @minItems 1
   * @maxItems 100000
   */
  participants?: ProgrammeParticipant[];
}
export interface ProgrammeParticipant {
  country: CountryCode;
  scope?: Name;
  seed_scope?: Name;
  /**
   * @minItems 1
   * @maxItems 100000
   */
  regions?: ParticipantRegion[];
}
export interface ParticipantRegion {
  id: Id;
  name: Name;
  seed_name?: Name;
  kind: 'region' | 'oblast' | 'federal-city' | 'republic' | 'autonomous-okrug';
}
export interface FundedProjects {
  /**
   * @minItems 1
   * @maxItems 100000
   */
  projects: Project[];
}
export interface Project {
  id: Id;
  acronym: Name;
  seed_acronym?: Name;
  title: Name;
  seed_title?: Name;
  programme: Id;
  /**
   * @minItems 1
   * @maxItems 100000
   */
  leningrad_partners: Id[];
  lead_partner: Id;
  budget_eur: Eur;
}
export interface TheReport {
  report: {
    id: Id;
    section: {
      number: string;
      title: Name;
    };
    subsection?: {
      number: string;
      title: Name;
      seed_title?: Name;
    };
    region: {
      name: Name;
      country: CountryCode;
      /**
       * Where the region is marked on maps
       */
      map_point: {
        lon: number;
        lat: number;
      };
    };
    as_of: IsoDate;
    currency: 'EUR';
    locale: 'en';
    publisher: Name;
    source: {
      title: Name;
      file: Name;
      sha256: string;
      language: 'en' | 'ru';
      note?: Note;
    };
    introduction: Text;
  };
}
