// The admin pages' stylesheet: inlined and allowed by its CSP hash, like the site's. Chart colours
// are classes, because the CSP allows no style attributes.
const SOURCE = `
:root { --ink: #14213d; --soft: #4a5568; --line: #d6dce5; --paper: #fff; --alt: #f3f5f8; --navy: #0b2545; --accent: #1d4f91; --focus: #c2410c; --bad: #9b1c1c; }
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: var(--ink); background: var(--alt); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.bar { background: var(--navy); color: #fff; padding: .75rem 1.25rem; display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem; }
.bar a { color: #fff; }
main { max-width: 80rem; margin: 0 auto; padding: 1.25rem; }
h1 { font-size: 1.6rem; margin: .25rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 0 0 .75rem; }
section { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin-bottom: 1.25rem; overflow-x: auto; }
.grid { display: grid; gap: 1.25rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
.filters { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: end; }
.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--soft); gap: .2rem; }
input, select, button { font: inherit; padding: .35rem .5rem; border: 1px solid #8a94a6; border-radius: 4px; background: #fff; color: var(--ink); min-height: 2.25rem; }
button { background: var(--accent); border-color: var(--accent); color: #fff; cursor: pointer; }
.figures { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 0; }
.figures div { min-width: 8rem; }
.figures dt { font-size: .85rem; color: var(--soft); }
.figures dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: .875rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--alt); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, pre { font: .85rem/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
pre { background: var(--alt); padding: .75rem; border-radius: 6px; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
.muted { color: var(--soft); }
.langs { display: flex; gap: .75rem; }
.langs strong { text-decoration: underline; text-underline-offset: .2em; }
iframe.archived { display: block; width: 100%; height: 70vh; min-height: 28rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
iframe.archived + iframe.archived { margin-top: .75rem; }
iframe.archived-banner { height: 20rem; min-height: 0; }
code.hash { word-break: break-all; }
.shots { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; padding: 0; margin: 0; list-style: none; }
.shots figure { margin: 0; }
.shots img { display: block; width: 100%; height: auto; max-height: 24rem; object-fit: cover; object-position: top; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.shots figcaption { font-size: .85rem; color: var(--soft); margin-top: .25rem; }
.warn { color: var(--bad); font-weight: 600; }
.links { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; padding: 0; margin: 0; list-style: none; }
.chart { width: 100%; max-width: 56rem; height: auto; display: block; }
.chart text { font-size: 11px; fill: var(--soft); }
.chart .axis { stroke: var(--line); }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; margin: .5rem 0; list-style: none; font-size: .85rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; margin-right: .35rem; vertical-align: -.05rem; }
.s0 { fill: #1d4f91; background: #1d4f91; } .s1 { fill: #c2410c; background: #c2410c; } .s2 { fill: #2f855a; background: #2f855a; }
.s3 { fill: #6b46c1; background: #6b46c1; } .s4 { fill: #b7791f; background: #b7791f; } .s5 { fill: #4a5568; background: #4a5568; }
`;

export const ADMIN_CSS = SOURCE.replace(/\s*\n\s*/g, "")
  .replace(/\s*([{};:,>])\s*/g, "$1")
  .replace(/;}/g, "}");
