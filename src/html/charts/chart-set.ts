// The pictures of a brief, drawn from the model as inline SVG. Each chart is
// computed only when a template asks for it (the map is the costly one). A
// chart's description, from the message catalogue, is its alternate text in
// the PDF: what it shows and every figure it draws.
import type { Programme, Project, ReportModel } from '../../model/types.ts';
import { horizontalBarChart } from './bar-chart.ts';
import { partnerMap } from './partner-map.ts';
import type { Formatter } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';

export interface ChartSet {
  map: string;
  partnersByCountry: string;
  /** Budgets of one programme's projects, keyed by programme id (the overview shows each). */
  budgetsByProgramme: Record<string, string>;
  /** Budgets of the current programme's projects, the current project highlighted. */
  budgets: string;
  byLeadCountry: string;
}

/**
 * `item` is the programme or project an output is about, if any. `idPrefix`
 * keeps the SVGs' ids unique where several briefs share one page (the
 * publication), or a figure's alternate text would be another brief's.
 */
export function chartSet(model: ReportModel, item: unknown, f: Formatter, messages: Messages, wrap: (svg: string) => unknown, idPrefix = ''): ChartSet {
  const t = (key: string, values: Record<string, unknown> = {}) => messages.format(key, values);
  const region = model.report.region;
  const programme = isProgramme(item) ? item : isProject(item) ? model.programmes.find((p) => p.id === item.programme.id) : undefined;

  // The leading projects, and the highlighted one where it ranks below them.
  const budgets = (p: Programme, highlight?: string) => {
    const extra = p.projects.find((x) => x.id === highlight && !p.leadingProjects.includes(x));
    const sorted = extra ? [...p.leadingProjects, extra] : p.leadingProjects;
    return horizontalBarChart({
      id: `${idPrefix}budgets-${p.id}`,
      title: t('charts.budgets_title'),
      description: t('charts.budgets_description', {
        count: p.projects.length,
        shown: sorted.length,
        bars: figures(sorted.map((x) => [x.acronym, f.money(x.budgetEur)])),
      }),
      bars: sorted.map((x) => ({ label: x.acronym, value: x.budgetEur, valueLabel: f.money(x.budgetEur), highlight: x.id === highlight })),
      tickFormat: f.compact,
    });
  };

  const charts = {
    get map() {
      return partnerMap({
        id: `${idPrefix}partner-map`,
        title: t('charts.map_title'),
        description: t('charts.map_description', {
          region: region.name,
          counts: figures(model.partnersByCountry.map((g) => [g.country.name, f.number(g.count)])),
        }),
        countries: model.partnersByCountry.map((g) => ({ code: g.country.code, count: g.count, label: g.country.name })),
        home: { label: region.name, lon: region.map_point.lon, lat: region.map_point.lat },
        text: { legend: t('charts.map_legend'), home: region.name, beyond: t('charts.map_beyond') },
      });
    },
    get partnersByCountry() {
      return horizontalBarChart({
        id: `${idPrefix}partners-by-country`,
        title: t('charts.partners_title'),
        description: t('charts.partners_description', { counts: figures(model.partnersByCountry.map((g) => [g.country.name, f.number(g.count)])) }),
        bars: model.partnersByCountry.map((g) => ({ label: g.country.name, value: g.count, valueLabel: f.number(g.count) })),
        tickFormat: (n) => (Number.isInteger(n) ? f.number(n) : ''),
      });
    },
    get budgetsByProgramme() {
      return Object.fromEntries(model.fundedProgrammes.map((p) => [p.id, wrap(budgets(p))]));
    },
    get budgets() {
      return programme ? budgets(programme, isProject(item) ? item.id : undefined) : '';
    },
    get byLeadCountry() {
      if (!programme) return '';
      return horizontalBarChart({
        id: `${idPrefix}lead-countries-${programme.id}`,
        title: t('charts.lead_title'),
        description: t('charts.lead_description', {
          bars: figures(programme.byLeadCountry.map((c) => [c.country.name, `${f.money(c.budgetEur)} (${f.percent(c.share)})`])),
        }),
        bars: programme.byLeadCountry.map((c) => ({ label: c.country.name, value: c.budgetEur, valueLabel: `${f.money(c.budgetEur)} · ${f.percent(c.share)}` })),
        tickFormat: f.compact,
      });
    },
  };
  // Templates print SVG as markup: hand them SafeStrings, each computed once, on first use.
  const cache = new Map<string | symbol, unknown>();
  return new Proxy(charts, {
    get: (target, key) => {
      if (!cache.has(key)) {
        const value = Reflect.get(target, key) as unknown;
        cache.set(key, typeof value === 'string' ? wrap(value) : value);
      }
      return cache.get(key);
    },
  }) as unknown as ChartSet;
}

/** "Sweden: 3; Finland: 2": semicolons, since amounts may hold commas. */
function figures(pairs: [string, string][]): string {
  return pairs.map(([label, value]) => `${label}: ${value}`).join('; ');
}

function isProgramme(item: unknown): item is Programme {
  return typeof item === 'object' && item !== null && 'participants' in item && 'projects' in item;
}

function isProject(item: unknown): item is Project {
  return typeof item === 'object' && item !== null && 'leadPartner' in item;
}
