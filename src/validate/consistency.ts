// Rules that span records and that JSON Schema cannot express. They run only
// on data that passed the schemas and reference checks, so fields are present.
import { ReportError } from '../errors.ts';
import { positionOf, toPointer } from '../load/positions.ts';
import type { YamlFile } from '../load/yaml-file.ts';
import type { CooperationData } from './data-types.ts';

type Files = ReadonlyMap<string, YamlFile>;

export function consistencyErrors(data: CooperationData, files: Files): ReportError[] {
  const errors: ReportError[] = [];
  const at = (collection: string, ...path: (string | number)[]) => positionOf(files.get(collection)!, toPointer(path));
  const organisations = new Map(data.organisations.organisations.map((o) => [o.id, o]));
  const home = data.report.report.region.country;

  const partners = data['partner-regions'];
  const named = partners.regions.filter((r) => r.status === 'partner').length;
  if (named > partners.stated_total) {
    errors.push(
      new ReportError(
        'consistency',
        `the text names ${named} partner regions but states a total of ${partners.stated_total}`,
        at('partner-regions', 'stated_total'),
        `raise stated_total to at least ${named}, or mark regions that are not yet partners as planned`,
      ),
    );
  }
  partners.regions.forEach((region, i) => {
    if (region.status === 'planned' && region.planned_for === undefined) {
      errors.push(
        new ReportError('consistency', `planned region "${region.id}" has no planned_for year`, at('partner-regions', 'regions', i), 'add planned_for: 2006 (the year the contacts are planned for)'),
      );
    }
    if (region.status === 'partner' && !region.fields?.length) {
      errors.push(
        new ReportError('consistency', `partner region "${region.id}" lists no fields of cooperation`, at('partner-regions', 'regions', i), 'add fields: [social-economic, cultural, youth] or the fields that apply'),
      );
    }
  });

  data.projects.projects.forEach((project, i) => {
    const lead = organisations.get(project.lead_partner);
    if (lead && lead.country === undefined) {
      errors.push(
        new ReportError(
          'consistency',
          `lead partner "${lead.id}" of project "${project.id}" has no country`,
          at('projects', 'projects', i, 'lead_partner'),
          `add a country to "${lead.id}" in organisations.yaml; briefs group budgets by lead-partner country`,
        ),
      );
    }
    project.leningrad_partners.forEach((id, j) => {
      const partner = organisations.get(id);
      if (id === project.lead_partner) {
        errors.push(
          new ReportError('consistency', `"${id}" is both lead partner and ${data.report.report.region.name} partner`, at('projects', 'projects', i, 'leningrad_partners', j), 'list the organisation in one role only'),
        );
      } else if (partner && partner.country !== home) {
        errors.push(
          new ReportError(
            'consistency',
            `"${id}" is listed as a ${data.report.report.region.name} partner but its country is ${partner.country ?? 'not given'}`,
            at('projects', 'projects', i, 'leningrad_partners', j),
            `regional partners are organisations of ${home}; check the id or the organisation's country`,
          ),
        );
      }
    });
  });
  return errors;
}
