// The dashboard model of Grafana's own types (@grafana/schema, pinned in node/package.json), made
// fit for JSON files. DashboardTypesTest (lab) inlines each file of json/ into a .ts file as
// `const dashboard = <the JSON> satisfies DashboardJson` and runs `tsc --strict --noEmit` on it:
// inlining keeps literal types and excess-property checks, so a misspelt key, a string where a
// number belongs or a value outside an enum fails the build.
import type { Dashboard, Panel, RowPanel, VariableModel } from '@grafana/schema';
import type { Options as StatOptions } from '@grafana/schema/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen';
import type { Options as TableOptions, FieldConfig as TableFieldConfig } from '@grafana/schema/dist/esm/raw/composable/table/panelcfg/x/TablePanelCfg_types.gen';
import type { Options as TimeSeriesOptions, FieldConfig as TimeSeriesFieldConfig } from '@grafana/schema/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen';

// JSON has no enums: a TypeScript string enum (FieldColorModeId, ...) accepts only its members,
// never the plain string a file holds, so each enum becomes the union of its values' strings.
type Json<T> =
  0 extends 1 & T ? T :
  T extends string ? `${T}` :
  T extends readonly (infer E)[] ? Json<E>[] :
  T extends object ? { [K in keyof T]: Json<T[K]> } :
  T;

// Panel.type is a plain string and its options a record: tie each panel type the dashboards use
// to its plugin's options and field config, so those are checked too. A new panel type goes here.
// Grafana fills a plugin's defaults in on load, so a file may leave out any option (DeepPartial);
// what it does set must exist and have the right type.
type DeepPartial<T> =
  T extends readonly (infer E)[] ? DeepPartial<E>[] :
  T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } :
  T;
type TypedPanel<Type extends string, Options, Custom> =
  Omit<Panel<unknown, DeepPartial<Custom>>, 'type' | 'options'> & { type: Type; options?: DeepPartial<Options> };
type CheckedPanel =
  | TypedPanel<'stat', StatOptions, {}>
  | TypedPanel<'table', TableOptions, TableFieldConfig>
  | TypedPanel<'timeseries', TimeSeriesOptions, TimeSeriesFieldConfig>;

// A query variable's `definition` (the query as the editor shows it) is in every file Grafana
// writes but not in the type.
type CheckedVariable = VariableModel & { definition?: string };

export type DashboardJson = Json<Omit<Dashboard, 'panels' | 'templating'> & {
  panels?: Array<CheckedPanel | RowPanel>;
  templating?: { list?: CheckedVariable[] };
}>;
