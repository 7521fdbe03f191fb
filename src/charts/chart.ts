/**
 * A chart as plain data: what it shows, its words (title and alternative
 * text) and the file it is written to. Made from the view models by
 * `build.ts`, turned into a Vega-Lite spec by `specs.ts` and drawn by
 * `draw.ts`, the only module that loads the charting libraries.
 */

/** One bar of a trend: a quarter, short enough for an axis, and its value. */
export interface TrendBar {
  quarter: string;
  label: [string, string];
  value: number;
}

/** Residents involved, activities and co-chair involvements per quarter, one panel each. */
export interface TrendChartData {
  kind: 'trend';
  /** `measure` names the panel: short, as the panels stand three abreast. */
  panels: { measure: string; bars: TrendBar[] }[];
}

/** Several measures per quarter for each committee: a row per committee, a column per measure. */
export interface CommitteeTrendChartData {
  kind: 'committee-trend';
  measures: string[];
  /** The quarter ids, in time order. */
  quarters: string[];
  /** The quarters in words: "October to December 2022 to July to September 2023". */
  span: string;
  /** For each committee, one series of bars per measure. */
  panels: { committee: string; series: TrendBar[][] }[];
}

/** Activities at each level of involvement, this period against the one before. */
export interface LevelsChartData {
  kind: 'levels';
  /** The periods compared, earlier first, as the chart labels them. */
  periods: string[];
  rows: { level: string; counts: number[] }[];
}

/** A count in every cell of committees by framework items, written in the cell. */
export interface CoverageChartData {
  kind: 'coverage';
  itemWord: string;
  columns: number[];
  rows: { committee: string; cells: number[] }[];
}

export type ChartData = TrendChartData | CommitteeTrendChartData | LevelsChartData | CoverageChartData;

/** A chart of a paper. */
export interface Chart {
  /** The image's file name beside the paper, e.g. economy-pac-2023-24-q1-trend.png. */
  file: string;
  /** A short name, the image's title. */
  title: string;
  /** The finding in words with its numbers, for those who cannot see the chart. */
  alt: string;
  data: ChartData;
  /** The part of the text width it is drawn at (1, the default, is all of it): charts that stand side by side share it. */
  share?: number;
}

/** The size a chart is drawn at: its width in CSS pixels (96 to the inch) and the size of its text. */
export interface ChartLayout {
  width: number;
  fontSize: number;
}

/**
 * The text width of the built-in Word template (A4 less 2 cm margins:
 * `TEXT_WIDTH` in src/docx/style.ts, 9638 twentieths of a point) in CSS
 * pixels: a chart drawn this wide is shown at its own size in Word.
 */
export const DEFAULT_CHART_WIDTH = Math.floor(9638 / 15);

/** The chart layout for a council's body text size in points (at least 12, as the Word papers have it), at `width` pixels. */
export function chartLayout(bodyPoints: number | undefined, width = DEFAULT_CHART_WIDTH): ChartLayout {
  return { width, fontSize: Math.round((Math.max(12, bodyPoints ?? 12) * 96) / 72) };
}
