import { toCsv, type CsvColumn } from "../core/toCsv.ts";
import { h } from "./dom.ts";
import { download, svgText } from "./download.ts";

export interface PanelOptions<Row> {
  /** names the panel (`data-panel`) and its downloads (`<id>.svg`, `<id>.csv`) */
  id: string;
  title: string;
  /** the chart Plot made (an SVG, or a figure holding its legend and SVG); none for a table only */
  chart?: Element;
  /** what the chart shows, as rows: offered as CSV */
  rows: readonly Row[];
  columns: ReadonlyArray<CsvColumn<Row>>;
  /** shown under the chart, e.g. a table of the same rows or a note */
  below?: Node[];
}

/** A chart (or table) with its title and buttons to download it as SVG and its data as CSV. */
export function chartPanel<Row>(options: PanelOptions<Row>): HTMLElement {
  const svg = options.chart ? (options.chart instanceof SVGSVGElement ? options.chart : options.chart.querySelector<SVGSVGElement>(":scope > svg")) : null;
  const buttons = h(
    "div",
    { class: "downloads" },
    svg ? h("button", { type: "button", "data-download": "svg", onclick: () => download(`${options.id}.svg`, "image/svg+xml", svgText(svg)) }, "SVG") : null,
    h("button", { type: "button", "data-download": "csv", onclick: () => download(`${options.id}.csv`, "text/csv", toCsv(options.rows, options.columns)) }, "CSV"),
  );
  return h("section", { class: "panel", "data-panel": options.id }, h("header", {}, h("h2", {}, options.title), buttons), options.chart ?? null, ...(options.below ?? []));
}

/** A plain table: a header row and one row per item, cells as text or nodes. */
export function table<Row>(rows: readonly Row[], columns: ReadonlyArray<{ header: string; cell: (row: Row) => Node | string | number | null }>): HTMLTableElement {
  return h(
    "table",
    {},
    h("thead", {}, h("tr", {}, ...columns.map((column) => h("th", {}, column.header)))),
    h("tbody", {}, ...rows.map((row) => h("tr", {}, ...columns.map((column) => h("td", {}, column.cell(row) ?? ""))))),
  );
}
