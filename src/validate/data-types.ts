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
/**
 * A remark on how the record was read from the source
 */
export type Note1 = string;
export type Name = string;
/**
 * The Russian text of name
 */
export type Name1 = string;
/**
 * The Russian text of name
 */
export type Name2 = string;
export type Text = string;
/**
 * The Russian text of summary
 */
export type Text1 = string;
/**
 * The Russian text of name
 */
export type Name3 = string;
/**
 * The Russian text of name
 */
export type Name4 = string;
/**
 * The Russian text of policy
 */
export type Name5 = string;
/**
 * The Russian text of summary
 */
export type Text2 = string;
/**
 * The Russian text of name
 */
export type Name6 = string;
/**
 * A remark on how the record was read from the source
 */
export type Note2 = string;
export type IsoDate = string;
/**
 * The Russian text of name
 */
export type Name7 = string;
/**
 * The Russian text of name
 */
export type Name8 = string;
export type Year = number;
/**
 * A remark on how the record was read from the source
 */
export type Note3 = string;
/**
 * The Russian text of occasion
 */
export type Name9 = string;
/**
 * The Russian text of name
 */
export type Name10 = string;
/**
 * The Russian text of town
 */
export type Name11 = string;
/**
 * The Russian text of purpose
 */
export type Text3 = string;
/**
 * The Russian text of belt
 */
export type Name12 = string;
/**
 * The Russian text of scope
 */
export type Name13 = string;
/**
 * The Russian text of name
 */
export type Name14 = string;
/**
 * The Russian text of title
 */
export type Name15 = string;
export type Eur = number;
/**
 * The Russian text of title
 */
export type Name16 = string;
/**
 * The Russian text of title
 */
export type Name17 = string;
/**
 * The Russian text of name
 */
export type Name18 = string;
/**
 * The Russian text of publisher
 */
export type Name19 = string;
/**
 * The Russian text of title
 */
export type Name20 = string;
/**
 * The Russian text of introduction
 */
export type Text4 = string;

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
  note_ru?: Note1;
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
  name_ru?: Name1;
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
  name_ru?: Name2;
  seed_text?: Text;
  summary: Text;
  summary_ru?: Text1;
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
  name_ru?: Name3;
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
    name_ru?: Name4;
    seed_name?: Name;
  }[];
  policy?: Name;
  policy_ru?: Name5;
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
  summary_ru?: Text2;
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
  name_ru?: Name6;
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
  note_ru?: Note2;
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
    occasion_ru?: Name9;
    seed_text?: Text;
  };
}
export interface CooperationField {
  id: Id;
  name: Name;
  name_ru?: Name7;
  seed_text?: Text;
}
export interface PartnerRegion {
  id: Id;
  name: Name;
  name_ru?: Name8;
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
  note_ru?: Note3;
}
export interface Programmes {
  /**
   * @minItems 1
   * @maxItems 100000
   */
  purposes_of_most_programmes: Text[];
  /**
   * The Russian text of purposes_of_most_programmes
   *
   * @minItems 1
   * @maxItems 100000
   */
  purposes_of_most_programmes_ru?: Text[];
  /**
   * @minItems 1
   * @maxItems 100000
   */
  programmes: Programme[];
}
export interface Programme {
  id: Id;
  name: Name;
  name_ru?: Name10;
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
  town_ru?: Name11;
  purpose?: Text;
  purpose_ru?: Text3;
  seed_purpose?: Text;
  belt?: Name;
  belt_ru?: Name12;
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
   * The Russian text of supported_fields
   *
   * @minItems 1
   * @maxItems 100000
   */
  supported_fields_ru?: Text[];
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
  scope_ru?: Name13;
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
  name_ru?: Name14;
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
  title_ru?: Name15;
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
      title_ru?: Name16;
    };
    subsection?: {
      number: string;
      title: Name;
      title_ru?: Name17;
      seed_title?: Name;
    };
    region: {
      name: Name;
      name_ru?: Name18;
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
    publisher_ru?: Name19;
    source: {
      title: Name;
      title_ru?: Name20;
      file: Name;
      sha256: string;
      language: 'en' | 'ru';
      note?: Note;
    };
    /**
     * The terms under which the data may be reused, stated in the open data package
     */
    licence?: {
      /**
       * An Open Definition or SPDX licence identifier, e.g. CC-BY-4.0
       */
      name: string;
      /**
       * The licence's address
       */
      path?: string;
      title?: Name;
    };
    introduction: Text;
    introduction_ru?: Text4;
  };
}
