// Choropleth of Europe as a static SVG string: partner countries shaded by
// how many partner regions they hold, the home region as a gold marker, and
// partners that fall outside the frame listed in an inset.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { geoAzimuthalEqualArea, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
// The codes alone: the package's main entry also loads the country names of 80 languages.
import countryCodes from 'i18n-iso-countries/index.js';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { PROJECT_ROOT } from '../../config.ts';
import { ReportError } from '../../errors.ts';
import { COLORS, checkFinite, checkId, escapeXml, num, svgOpen, textWidth } from './svg.ts';

export interface PartnerCountry {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** Partner regions in that country; 0 or less means no partner. */
  count: number;
  /** Country name as the brief prints it. */
  label: string;
}

export interface PartnerMapInput {
  /** Prefix for ids inside the SVG; unique on the page. */
  id: string;
  title: string;
  description: string;
  countries: PartnerCountry[];
  home: { label: string; lon: number; lat: number };
  /** viewBox width; the height follows from the map's frame. */
  width?: number;
  /** Words printed on the map, for briefs in other languages. */
  text?: { legend?: string; home?: string; beyond?: string };
}

const TEXT = { legend: 'Partner regions per country', home: 'Our region', beyond: 'Beyond the map' };

// Places the frame must show: Iceland's north-west, west of Ireland, Cape
// St. Vincent, south of Crete, the Urals, North Cape. Fitting to these rather
// than to a lon/lat box keeps the frame tight: a box's curved edges would add
// empty corners.
const MUST_SHOW: MultiPoint = {
  type: 'MultiPoint',
  coordinates: [[-22.5, 67], [-11, 53], [-10, 36], [25, 34], [62, 55], [25, 71.5]],
};
// Equal-area so that shaded surfaces compare fairly, centred on the frame.
const CENTRE: [number, number] = [20, 55];

const LAND = '#dcdfe4';
const SEA = '#f5f7fa';
/** Light to dark; a map with fewer classes uses the darkest ones. */
const SHADES = ['#9fb4cf', '#5a7aa3', COLORS.navy];
/** Countries smaller than this (square units) get a dot so their shade shows. */
const TINY_AREA = 12;
const FONT = 10;

// Features of world-atlas without a numeric id that an alpha-2 code can still name.
const NAMED_WITHOUT_ID: Record<string, string> = { Kosovo: 'XK' };

interface Country {
  alpha2: string | undefined;
  geo: Feature<Geometry, { name: string }>;
}

let atlas: Country[] | undefined;

/** Natural Earth 1:50m countries, parsed once per process. */
function loadCountries(): Country[] {
  if (!atlas) {
    const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
    const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
    atlas = collection.features.map((geo) => ({
      alpha2: geo.id === undefined ? NAMED_WITHOUT_ID[geo.properties.name] : countryCodes.numericToAlpha2(geo.id),
      geo,
    }));
  }
  return atlas;
}

/** Fitted to the frame's width; the height follows. Clipped to the visible hemisphere only. */
function fittedProjection(width: number) {
  return geoAzimuthalEqualArea().rotate([-CENTRE[0], -CENTRE[1]]).clipAngle(90).fitWidth(width, MUST_SHOW);
}

/** A country as one width shows it: its outline, the area that shows, its whole area (on the hemisphere) and, when tiny, where its dot goes. */
interface Drawn {
  alpha2: string | undefined;
  d: string;
  area: number;
  wholeArea: number;
  centroid?: [number, number];
}

interface Frame {
  height: number;
  /** The countries that show, in the atlas's order. */
  countries: Drawn[];
}

// Projecting the atlas's 240 countries is the costliest part of a brief, and
// every map of one width draws the same land. It is projected once and kept in
// node_modules/.cache by a digest of the atlas's version and of the code that
// projects (JSON keeps every number exactly), and read once per process.
const CACHE = join(PROJECT_ROOT, 'node_modules', '.cache', 'cooperation-reports', 'partner-map');
const framesByWidth = new Map<number, Frame>();

function frameOf(width: number): Frame {
  let frame = framesByWidth.get(width);
  if (!frame) {
    const require = createRequire(import.meta.url);
    const { version } = require('world-atlas/package.json') as { version: string };
    const key = JSON.stringify([version, width, MUST_SHOW, CENTRE, TINY_AREA, NAMED_WITHOUT_ID, projectFrame.toString(), fittedProjection.toString()]);
    const file = join(CACHE, `${createHash('sha256').update(key).digest('hex').slice(0, 16)}.json`);
    try {
      frame = JSON.parse(readFileSync(file, 'utf8')) as Frame;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      frame = projectFrame(width);
      mkdirSync(CACHE, { recursive: true });
      // Renamed into place whole: a build running beside this one never reads half a file.
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(frame));
      renameSync(temp, file);
    }
    framesByWidth.set(width, frame);
  }
  return frame;
}

function projectFrame(width: number): Frame {
  const whole = geoPath(fittedProjection(width));
  const height = Math.round(whole.bounds(MUST_SHOW)[1][1]);
  const path = geoPath(clippedProjection(width, height)).digits(1);
  const countries: Drawn[] = [];
  for (const { alpha2, geo } of loadCountries()) {
    const area = path.area(geo);
    if (!(area > 0)) continue;
    const drawn: Drawn = { alpha2, d: path(geo) ?? '', area, wholeArea: whole.area(geo) };
    if (area < TINY_AREA) drawn.centroid = path.centroid(geo);
    countries.push(drawn);
  }
  return { height, countries };
}

function clippedProjection(width: number, height: number): GeoProjection {
  return fittedProjection(width).clipExtent([[0, 0], [width, height]]);
}

export function partnerMap(input: PartnerMapInput): string {
  checkId(input.id);
  checkFinite('home.lon', input.home.lon);
  checkFinite('home.lat', input.home.lat);
  const text = { ...TEXT, ...input.text };
  const width = input.width ?? 640;
  const partners = partnersByCode(input.countries);

  const { height, countries } = frameOf(width);
  // Shown area that counts as on the map even when most of the country is not (Russia).
  const enough = (width * height) / 100;

  const classes = shadeClasses([...partners.values()].map((p) => p.count));
  const land: string[] = [];
  const shaded: string[] = [];
  const dots: string[] = [];
  const onMap = new Set<string>();
  for (const { alpha2, d, area, wholeArea, centroid } of countries) {
    const partner = alpha2 === undefined ? undefined : partners.get(alpha2);
    if (!partner) {
      land.push(`<path d="${d}"/>`);
      continue;
    }
    // A partner mostly beyond the frame (Saudi Arabia, say) is shaded and listed too.
    if (area >= wholeArea / 2 || area >= enough) onMap.add(partner.code);
    const fill = classes.find((c) => partner.count <= c.max)?.color ?? COLORS.navy;
    shaded.push(`<path data-country="${escapeXml(partner.code)}" d="${d}" fill="${fill}"/>`);
    if (centroid) {
      const [cx, cy] = centroid;
      dots.push(`<circle cx="${num(cx)}" cy="${num(cy)}" r="2.5" fill="${fill}"/>`);
    }
  }
  const beyond = [...partners.values()].filter((p) => !onMap.has(p.code));

  return (
    svgOpen({ id: input.id, title: input.title, description: input.description, width, height }) +
    `<rect width="${num(width)}" height="${height}" fill="${SEA}"/>` +
    `<g stroke="#ffffff" stroke-width="0.5" stroke-linejoin="round">` +
    `<g fill="${LAND}">${land.join('')}</g>${shaded.join('')}${dots.join('')}</g>` +
    homeMarker(input.home, clippedProjection(width, height)([input.home.lon, input.home.lat]), width, height) +
    legend(classes, text, height) +
    beyondInset(beyond, text.beyond, width) +
    `<rect x="0.25" y="0.25" width="${num(width - 0.5)}" height="${height - 0.5}" fill="none" stroke="${COLORS.axis}" stroke-width="0.5"/>` +
    '</svg>'
  );
}

/** Partners with a positive count, keyed by upper-case code; a code listed twice is a data error. */
function partnersByCode(countries: PartnerCountry[]): Map<string, PartnerCountry> {
  const partners = new Map<string, PartnerCountry>();
  for (const [i, c] of countries.entries()) {
    checkFinite(`countries[${i}].count`, c.count);
    const code = c.code.toUpperCase();
    if (partners.has(code)) throw new ReportError('render', `partner map lists country ${code} twice`);
    if (c.count > 0) partners.set(code, { ...c, code });
  }
  return partners;
}

interface ShadeClass {
  max: number;
  label: string;
  color: string;
}

/**
 * Up to three classes: one per count when there are at most three distinct
 * counts, otherwise thirds of the largest count.
 */
function shadeClasses(counts: number[]): ShadeClass[] {
  const distinct = [...new Set(counts)].sort((a, b) => a - b);
  const max = distinct[distinct.length - 1] ?? 0;
  const bounds =
    distinct.length <= 3
      ? distinct.map((n) => ({ min: n, max: n }))
      : [Math.ceil(max / 3), Math.ceil((2 * max) / 3), max].map((m, i, all) => ({ min: i === 0 ? 1 : (all[i - 1] ?? 0) + 1, max: m }));
  const colors = SHADES.slice(SHADES.length - bounds.length);
  return bounds.map((b, i) => ({
    max: b.max,
    label: b.min === b.max ? String(b.max) : `${b.min}\u2013${b.max}`,
    color: colors[i] ?? COLORS.navy,
  }));
}

function homeMarker(home: PartnerMapInput['home'], at: [number, number] | null, width: number, height: number): string {
  if (!at || at[0] < 0 || at[0] > width || at[1] < 0 || at[1] > height) return '';
  const [x, y] = at;
  const label = escapeXml(home.label);
  const w = textWidth(home.label, FONT + 1, true);
  const toLeft = x + 8 + w > width;
  // A white plate behind the label keeps it legible over borders; a stroked
  // halo would make Chromium embed the glyphs as a Type 3 font.
  const plateX = toLeft ? x - 8 - w - 3 : x + 5;
  return (
    `<circle cx="${num(x)}" cy="${num(y)}" r="4.5" fill="${COLORS.gold}" stroke="#ffffff" stroke-width="1.25"/>` +
    `<rect x="${num(plateX)}" y="${num(y - 7)}" width="${num(w + 6)}" height="15" rx="2" fill="#ffffff" fill-opacity="0.85"/>` +
    `<text x="${num(toLeft ? x - 8 : x + 8)}" y="${num(y + 4)}" text-anchor="${toLeft ? 'end' : 'start'}" ` +
    `font-size="${FONT + 1}" font-weight="bold" fill="${COLORS.text}">${label}</text>`
  );
}

const BOX_PAD = 8;
const BOX_LINE = 14;

function box(x: number, y: number, w: number, h: number): string {
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="#ffffff" fill-opacity="0.92" stroke="${COLORS.grid}" stroke-width="0.75"/>`;
}

/** Open sea on the left, below Iceland and west of the British Isles, so no country hides behind it. */
function legend(classes: ShadeClass[], text: typeof TEXT, height: number): string {
  const rows = classes.length + 1;
  const w = BOX_PAD * 2 + Math.max(textWidth(text.legend, FONT, true), 22 + textWidth(text.home, FONT));
  const h = BOX_PAD * 2 + BOX_LINE * (rows + 1) - 4;
  const x = 10;
  const y = height * 0.13;
  const row = (i: number) => y + BOX_PAD + BOX_LINE * (i + 1);
  const swatches = classes.map((c, i) =>
    `<rect x="${num(x + BOX_PAD)}" y="${num(row(i) + 1)}" width="14" height="9" fill="${c.color}"/>` +
    `<text x="${num(x + BOX_PAD + 22)}" y="${num(row(i) + 9)}">${escapeXml(c.label)}</text>`);
  const homeRow = row(classes.length);
  return (
    `<g font-size="${FONT}" fill="${COLORS.text}">${box(x, y, w, h)}` +
    `<text x="${num(x + BOX_PAD)}" y="${num(y + BOX_PAD + 9)}" font-weight="bold">${escapeXml(text.legend)}</text>` +
    swatches.join('') +
    `<circle cx="${num(x + BOX_PAD + 7)}" cy="${num(homeRow + 5.5)}" r="4" fill="${COLORS.gold}"/>` +
    `<text x="${num(x + BOX_PAD + 22)}" y="${num(homeRow + 9)}">${escapeXml(text.home)}</text></g>`
  );
}

/** Top right, over the Arctic and towards Asia: partners the frame cannot show, with their counts. */
function beyondInset(beyond: PartnerCountry[], heading: string, width: number): string {
  if (beyond.length === 0) return '';
  const count = (p: PartnerCountry) => num(p.count, 2);
  const countWidth = Math.max(...beyond.map((p) => textWidth(count(p), FONT)));
  const nameWidth = Math.max(...beyond.map((p) => textWidth(p.label, FONT)));
  const w = BOX_PAD * 2 + Math.max(textWidth(heading, FONT, true), nameWidth + 12 + countWidth);
  const h = BOX_PAD * 2 + BOX_LINE * (beyond.length + 1) - 4;
  const x = width - 10 - w;
  const y = 10;
  const rows = beyond.map((p, i) => {
    const baseline = num(y + BOX_PAD + 9 + BOX_LINE * (i + 1));
    return (
      `<text x="${num(x + BOX_PAD)}" y="${baseline}">${escapeXml(p.label)}</text>` +
      `<text x="${num(x + w - BOX_PAD)}" y="${baseline}" text-anchor="end">${count(p)}</text>`
    );
  });
  return (
    `<g font-size="${FONT}" fill="${COLORS.text}">${box(x, y, w, h)}` +
    `<text x="${num(x + BOX_PAD)}" y="${num(y + BOX_PAD + 9)}" font-weight="bold">${escapeXml(heading)}</text>` +
    rows.join('') +
    '</g>'
  );
}
