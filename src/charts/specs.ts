import type {
  Chart,
  ChartLayout,
  CommitteeTrendChartData,
  CoverageChartData,
  LevelsChartData,
  TrendBar,
  TrendChartData,
} from './chart.js';

/**
 * Vega-Lite specs for each kind of chart, as plain JSON: no charting code is
 * loaded here. Every chart writes its numbers on it (direct labels), so
 * colour never carries meaning alone, and all its text is at least the
 * body text's size when the chart is shown at its own width.
 */

/** The font the charts are drawn in (shipped with coprod, see `font.ts`); the others are fallbacks for an SVG shown in a browser. */
export const CHART_FONT = 'Atkinson Hyperlegible';
const FONT_STACK = `${CHART_FONT}, Arial, sans-serif`;

/** Marks in the blue of Okabe and Ito's colour-blind-safe palette (4.9:1 on white); text black, rules dark grey. */
export const PALETTE = { now: '#0072B2', text: '#000000', rule: '#595959' } as const;

const PADDING = 4;

type Spec = Record<string, unknown>;

function config(layout: ChartLayout): Spec {
  const fs = layout.fontSize;
  return {
    font: FONT_STACK,
    background: '#ffffff',
    padding: PADDING,
    view: { stroke: null },
    axis: {
      labelFontSize: fs,
      titleFontSize: fs,
      labelColor: PALETTE.text,
      titleColor: PALETTE.text,
      domainColor: PALETTE.rule,
      tickColor: PALETTE.rule,
      labelLimit: 0,
    },
    title: { fontSize: fs, color: PALETTE.text, anchor: 'start', fontWeight: 'bold', offset: 4 },
    legend: { labelFontSize: fs, titleFontSize: fs, labelColor: PALETTE.text, labelLimit: 0 },
    text: { fontSize: fs, color: PALETTE.text },
    concat: { spacing: Math.round(fs * 0.75) },
  };
}

/** Splits a long name into lines of at most `width` characters, at spaces. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The quarter labels of a trend, one line each: "Apr–Jun 2023". */
function quarterLabels(bars: readonly TrendBar[]): Spec {
  return Object.fromEntries(bars.map((b) => [b.quarter, b.label.join(' ')]));
}

/**
 * A committee's trend: a panel per measure side by side, a bar per quarter
 * across the page with its value written at its end; only the first panel
 * names the quarters, which the panels share.
 */
function trendSpec(data: TrendChartData, layout: ChartLayout): Spec {
  const fs = layout.fontSize;
  const quarters = data.panels[0]?.bars ?? [];
  const labelWidth = Math.round(fs * 6.5);
  const gap = Math.round(fs * 0.75);
  // Less a little for the room Vega-Lite leaves round the quarter labels.
  const panelWidth = Math.floor(
    (layout.width - 2 * PADDING - labelWidth - gap * (data.panels.length - 1) - 8) / Math.max(1, data.panels.length),
  );
  const bar = Math.round(fs * 1.15);
  return {
    params: [{ name: 'labels', value: quarterLabels(quarters) }],
    hconcat: data.panels.map((p, i) => {
      const max = Math.max(1, ...p.bars.map((b) => b.value));
      const y = {
        field: 'quarter',
        type: 'ordinal',
        sort: p.bars.map((b) => b.quarter),
        title: null,
        scale: { paddingInner: 0.25 },
        axis:
          i === 0
            ? {
                labelExpr: 'labels[datum.value]',
                ticks: false,
                labelPadding: 6,
                minExtent: labelWidth - 6,
                maxExtent: labelWidth - 6,
              }
            : { labels: false, ticks: false, minExtent: 0, maxExtent: 0 },
      };
      const x = { field: 'value', type: 'quantitative', axis: null, scale: { domain: [0, max * 1.6], nice: false } };
      return {
        // A narrow panel's title goes on two lines, as a 16-pixel letter is about half as wide.
        title:
          p.measure.length * fs * 0.55 > panelWidth
            ? wrapWords(p.measure, Math.max(8, Math.floor(panelWidth / (fs * 0.55))))
            : p.measure,
        width: panelWidth,
        height: bar * p.bars.length,
        data: { values: p.bars.map((b) => ({ quarter: b.quarter, value: b.value })) },
        layer: [
          { mark: { type: 'bar', color: PALETTE.now }, encoding: { x, y } },
          {
            mark: { type: 'text', align: 'left', dx: 4 },
            encoding: { x, y, text: { field: 'value', type: 'quantitative' } },
          },
        ],
      };
    }),
    config: { concat: { spacing: gap } },
  };
}

/**
 * Every committee's trends in one grid: a row per committee, a column per
 * measure, a line over the quarters in each cell with its first and last
 * values written at its ends (the table beside it has every value).
 */
function committeeTrendSpec(data: CommitteeTrendChartData, layout: ChartLayout): Spec {
  const fs = layout.fontSize;
  const names = data.panels.map((p) => wrapWords(p.committee, 26));
  const lines = Math.max(1, ...names.map((n) => n.length));
  const measures = data.measures;
  const labelWidth = Math.round(fs * 13);
  const gap = Math.round(fs * 0.75);
  // Less the header's padding and a margin for the values written beside the lines' ends.
  const cellWidth = Math.floor(
    (layout.width - 2 * PADDING - labelWidth - gap * measures.length - 24) / measures.length,
  );
  const values = data.panels.flatMap((p, row) =>
    p.series.flatMap((s, m) =>
      s.map((b, i) => ({
        row: String(row),
        measure: measures[m],
        quarter: b.quarter,
        value: b.value,
        end: i === 0 ? 'first' : i === s.length - 1 ? 'last' : '',
      })),
    ),
  );
  const x = { field: 'quarter', type: 'ordinal', sort: data.quarters, axis: null, scale: { padding: 0.6 } };
  // Room above and below the line for the values written at its ends.
  const y = {
    field: 'value',
    type: 'quantitative',
    axis: null,
    scale: { zero: true, nice: false, padding: Math.round(fs * 0.5) },
  };
  return {
    params: [{ name: 'names', value: Object.fromEntries(names.map((n, i) => [String(i), n])) }],
    title: { text: data.span, fontWeight: 'normal' },
    data: { values },
    facet: {
      row: {
        field: 'row',
        type: 'nominal',
        sort: names.map((_, i) => String(i)),
        title: null,
        header: {
          labelExpr: 'names[datum.value]',
          labelAngle: 0,
          labelAlign: 'left',
          labelBaseline: 'middle',
          labelOrient: 'left',
          labelFontSize: fs,
          labelLimit: labelWidth,
        },
      },
      column: {
        field: 'measure',
        type: 'nominal',
        sort: measures,
        title: null,
        header: { labelFontSize: fs, labelFontWeight: 'bold', labelLimit: cellWidth + gap },
      },
    },
    spec: {
      width: cellWidth,
      height: Math.round(Math.max(lines * fs * 1.1, fs * 1.8)),
      layer: [
        { mark: { type: 'line', color: PALETTE.now, strokeWidth: 3 }, encoding: { x, y } },
        { mark: { type: 'point', filled: true, color: PALETTE.now, size: 60 }, encoding: { x, y } },
        {
          transform: [{ filter: "datum.end == 'first'" }],
          mark: { type: 'text', align: 'right', dx: -7 },
          encoding: { x, y, text: { field: 'value', type: 'quantitative' } },
        },
        {
          transform: [{ filter: "datum.end == 'last'" }],
          mark: { type: 'text', align: 'left', dx: 7 },
          encoding: { x, y, text: { field: 'value', type: 'quantitative' } },
        },
      ],
    },
    resolve: { scale: { y: 'independent' } },
    spacing: { row: Math.round(fs * 0.4), column: gap },
    config: { header: { labelPadding: 6 } },
  };
}

/**
 * Levels of involvement as a bullet chart: a bar per level for this period,
 * a black line across it at the period before, and both numbers written
 * beside it ("3 (was 2)"); the title names the periods, so colour carries
 * nothing alone. Narrow, to stand beside the trend.
 */
function levelsSpec(data: LevelsChartData, layout: ChartLayout): Spec {
  const fs = layout.fontSize;
  const [before, now] = data.periods.length > 1 ? [data.periods[0]!, data.periods[1]!] : [undefined, data.periods[0]!];
  const values = data.rows.map((r) => {
    const count = r.counts.at(-1) ?? 0;
    const previous = before !== undefined ? (r.counts[0] ?? 0) : undefined;
    return {
      level: r.level,
      count,
      previous,
      label: previous !== undefined ? `${count} (was ${previous})` : String(count),
    };
  });
  const max = Math.max(1, ...values.flatMap((v) => [v.count, v.previous ?? 0]));
  const row = Math.round(fs * 1.15);
  // Room for the numbers after the longest bar, with text about 0.55 of its size wide on average.
  const chars = (texts: string[]) => Math.max(...texts.map((t) => t.length)) * fs * 0.55;
  const plot = layout.width - 2 * PADDING - chars(values.map((v) => v.level)) - 6;
  const domainMax = (max * plot) / Math.max(plot * 0.3, plot - chars(values.map((v) => v.label)) - 12);
  const y = {
    field: 'level',
    type: 'nominal',
    sort: data.rows.map((r) => r.level),
    title: null,
    scale: { paddingInner: 0 },
    axis: { ticks: false, labelPadding: 6, domain: false },
  };
  const x = { field: 'count', type: 'quantitative', axis: null, scale: { domain: [0, domainMax], nice: false } };
  return {
    // The key, in words: which period the bars are and which the lines.
    title: {
      text:
        before !== undefined ? `${now} (lines: ${sameYear(before, now) ? before.replace(/ \S+$/, '') : before})` : now,
      fontWeight: 'normal',
    },
    width: layout.width,
    autosize: { type: 'fit-x', contains: 'padding' },
    // A fixed height, not a step: Vega-Lite fits the width only when the height is not discrete.
    height: row * values.length,
    data: { values },
    layer: [
      { mark: { type: 'bar', color: PALETTE.now, height: Math.round(fs * 0.75) }, encoding: { y, x } },
      ...(before !== undefined
        ? [
            {
              mark: { type: 'tick', color: PALETTE.text, thickness: 3, size: row - 2 },
              encoding: { y, x: { ...x, field: 'previous' } },
            },
          ]
        : []),
      {
        mark: { type: 'text', align: 'left', dx: 8 },
        encoding: { y, x: { field: 'end', type: 'quantitative' }, text: { field: 'label' } },
        transform: [
          { calculate: before !== undefined ? 'max(datum.count, datum.previous)' : 'datum.count', as: 'end' },
        ],
      },
    ],
  };
}

/** Whether two period labels ("Apr–Jun 2023") end in the same year. */
function sameYear(a: string, b: string): boolean {
  return a.split(' ').at(-1) === b.split(' ').at(-1);
}

function coverageSpec(data: CoverageChartData, layout: ChartLayout): Spec {
  const fs = layout.fontSize;
  const names = data.rows.map((r) => wrapWords(r.committee, 44));
  const lines = Math.max(1, ...names.map((n) => n.length));
  const max = Math.max(1, ...data.rows.flatMap((r) => r.cells));
  const values = data.rows.flatMap((r, row) =>
    r.cells.map((count, i) => ({ committee: r.committee, row: String(row), item: String(data.columns[i]), count })),
  );
  const item = data.itemWord.charAt(0).toUpperCase() + data.itemWord.slice(1);
  return {
    params: [{ name: 'names', value: Object.fromEntries(names.map((n, i) => [String(i), n])) }],
    width: layout.width,
    autosize: { type: 'fit-x', contains: 'padding' },
    height: Math.round(lines * fs * 1.2 + 12) * data.rows.length,
    data: { values },
    encoding: {
      x: {
        field: 'item',
        type: 'ordinal',
        sort: data.columns.map(String),
        title: item,
        axis: { orient: 'top', labelAngle: 0, ticks: false, domain: false },
      },
      y: {
        field: 'row',
        type: 'ordinal',
        sort: data.rows.map((_, i) => String(i)),
        title: null,
        axis: { ticks: false, domain: false, labelExpr: 'names[datum.value]', labelPadding: 6 },
      },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2 },
        encoding: {
          color: { field: 'count', type: 'quantitative', scale: { scheme: 'blues', domain: [0, max] }, legend: null },
        },
      },
      {
        mark: { type: 'text', fontWeight: 'bold' },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          color: { condition: { test: `datum.count > ${max / 2}`, value: '#ffffff' }, value: PALETTE.text },
        },
      },
    ],
  };
}

/** The Vega-Lite spec of a chart at a layout. */
export function chartSpec(chart: Chart, layout: ChartLayout): Spec {
  const data = chart.data;
  const body =
    data.kind === 'levels'
      ? levelsSpec(data, layout)
      : data.kind === 'coverage'
        ? coverageSpec(data, layout)
        : data.kind === 'trend'
          ? trendSpec(data, layout)
          : committeeTrendSpec(data, layout);
  const own = (body['config'] as Spec | undefined) ?? {};
  const base = config(layout);
  return {
    description: chart.alt,
    ...body,
    config: {
      ...base,
      ...own,
      concat: { ...(base['concat'] as Spec), ...((own['concat'] as Spec | undefined) ?? {}) },
    },
  };
}
