/** The board's only stylesheet, served as /tablero/recursos/tablero.css (kept in TypeScript so it ships in dist/). */
export const DASHBOARD_CSS = String.raw`
:root {
  --ink: #1d2433; --muted: #566074; --line: #d5dae3; --paper: #ffffff; --canvas: #f3f5f8;
  --brand: #5b1a45; --brand-ink: #ffffff; --link: #1f4fa8; --focus: #ffbf47;
  --ok: #1b7a3a; --ok-bg: #e3f3e8; --warn: #8a5300; --warn-bg: #fff1d6; --bad: #a4221b; --bad-bg: #fbe4e2;
  --none: #4b5563; --none-bg: #eceef2;
  --step-0: #d9dde5; --step-1: #d7e7f7; --step-2: #a9cbed; --step-3: #6fa6dc; --step-4: #3f7fc1; --step-5: #245d9b; --step-6: #143d6b;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  font-size: 15px; line-height: 1.45; color: var(--ink); background: var(--canvas);
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--link); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
h1 { font-size: 1.55rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
p { margin: .3rem 0 .6rem; }
.skip-link { position: absolute; left: .5rem; top: -3rem; background: var(--focus); color: #000; padding: .5rem .8rem; z-index: 10; }
.skip-link:focus { top: .5rem; }
main { padding: 1rem 1.5rem 2rem; max-width: 1500px; margin: 0 auto; }
main:focus { outline: none; }

.site-header { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1.5rem; background: var(--brand); color: var(--brand-ink); padding: .55rem 1.5rem; }
.site-header a, .site-header .link-button { color: var(--brand-ink); }
.brand { font-weight: 700; text-decoration: none; font-size: 1.05rem; }
.site-header nav ul { display: flex; flex-wrap: wrap; gap: .2rem 1rem; list-style: none; margin: 0; padding: 0; }
.site-header nav a { text-decoration: none; padding: .25rem .1rem; border-bottom: 3px solid transparent; }
.site-header nav a[aria-current="page"], .site-header nav a:hover { border-bottom-color: var(--brand-ink); }
.account { margin-left: auto; display: flex; flex-wrap: wrap; align-items: center; gap: .2rem .8rem; font-size: .9rem; }
.account form { margin: 0; }
.site-footer { color: var(--muted); font-size: .8rem; text-align: center; padding: 1rem; }
.link-button { background: none; border: 0; padding: 0; font: inherit; text-decoration: underline; cursor: pointer; color: var(--link); }

.page-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem 1.5rem; margin-bottom: .5rem; }
.lead { color: var(--muted); }
.muted { color: var(--muted); }
.small { font-size: .85rem; }
.nowrap { white-space: nowrap; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: .9rem 1rem; }
.grid-2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; }
.overview { display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr) minmax(0, 1fr); gap: .8rem; align-items: stretch; margin-bottom: .8rem; }
.overview .card { padding: .6rem .8rem; }
.kpis { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: .6rem; margin: 0 0 .8rem; }
.kpi { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: .35rem .7rem; display: flex; align-items: baseline; justify-content: space-between; gap: .5rem; }
.kpi dt { font-size: .8rem; color: var(--muted); }
.kpi dd { margin: 0; font-size: 1.4rem; font-weight: 700; white-space: nowrap; }
.map svg { max-height: 230px; }
.upcoming { list-style: none; margin: 0; padding: 0; font-size: .84rem; }
.upcoming li { display: grid; grid-template-columns: 11.5rem 1fr; gap: .4rem; padding: .2rem 0; border-bottom: 1px solid var(--line); }
.step-chart th, .step-chart td { padding: .28rem .4rem; }
.kpi.bad dd { color: var(--bad); } .kpi.warn dd { color: var(--warn); }
.chart-title { font-size: .95rem; margin: 0 0 .4rem; }
svg text { font-family: inherit; }
.map a:focus-visible rect { stroke: var(--focus); stroke-width: 4; }
.map a:hover rect { stroke: var(--ink); stroke-width: 2; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem .8rem; list-style: none; padding: 0; margin: .4rem 0 0; font-size: .78rem; }
.swatch { display: inline-block; width: .85rem; height: .85rem; border-radius: 2px; vertical-align: -2px; margin-right: .25rem; border: 1px solid rgba(0,0,0,.15); }
.step-0 { background: var(--step-0); } .step-1 { background: var(--step-1); } .step-2 { background: var(--step-2); }
.step-3 { background: var(--step-3); } .step-4 { background: var(--step-4); } .step-5 { background: var(--step-5); } .step-6 { background: var(--step-6); }

table { border-collapse: collapse; width: 100%; background: var(--paper); }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: #e8ebf1; font-size: .82rem; position: sticky; top: 0; z-index: 1; }
tbody tr:nth-child(even) { background: #fafbfc; }
tbody tr:hover { background: #f0f4fb; }
td.num, th.num { text-align: right; }
.board td { font-size: .86rem; }
.board td, .board th { padding: .35rem .45rem; }
.board .bar { max-width: 11rem; }
.board .state-name { font-weight: 600; font-size: .95rem; }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }

.bar { display: block; width: 100%; min-width: 5.5rem; height: .55rem; background: #e3e7ee; border-radius: 99px; overflow: hidden; margin-top: .2rem; }
.bar > span { display: block; height: 100%; background: var(--step-4); }
.bar.stage > span { background: #7a4a9c; }
.bar.done > span { background: var(--ok); }

.badge { display: inline-block; font-size: .76rem; font-weight: 600; padding: .05rem .45rem; border-radius: 99px; border: 1px solid transparent; white-space: nowrap; }
.badge.ok { color: var(--ok); background: var(--ok-bg); border-color: #b7dfc3; }
.badge.warn { color: var(--warn); background: var(--warn-bg); border-color: #f0cf8c; }
.badge.bad { color: var(--bad); background: var(--bad-bg); border-color: #efb7b2; }
.badge.none { color: var(--none); background: var(--none-bg); border-color: #d3d7df; }
.badges { display: flex; flex-wrap: wrap; gap: .2rem; }
.light { display: inline-flex; align-items: center; gap: .3rem; }
.light::before { content: ""; width: .7rem; height: .7rem; border-radius: 50%; background: var(--none); flex: none; }
.light.verde::before { background: var(--ok); } .light.ambar::before { background: #e59a00; } .light.rojo::before { background: var(--bad); }
.sectors { display: flex; gap: .35rem; flex-wrap: wrap; }
.sector { font-size: .78rem; background: #eef1f6; border-radius: 4px; padding: 0 .3rem; white-space: nowrap; }

.filters { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: flex-end; margin: .4rem 0 .6rem; }
.filters select { max-width: 17rem; }
.filters input[type=search] { width: 11rem; }
.filters label, .field label, fieldset legend { display: block; font-size: .8rem; font-weight: 600; margin-bottom: .15rem; }
input, select, textarea, button { font: inherit; }
input[type=text], input[type=date], input[type=url], input[type=search], input[type=password], select, textarea {
  border: 1px solid #9aa3b2; border-radius: 5px; padding: .3rem .45rem; background: #fff; color: var(--ink); max-width: 100%;
}
textarea { width: 100%; min-height: 3.2rem; }
button, .button { background: var(--brand); color: #fff; border: 0; border-radius: 5px; padding: .4rem .9rem; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: #e4e7ee; color: var(--ink); }
button[disabled] { opacity: .6; cursor: progress; }

.sections-nav ul { display: flex; flex-wrap: wrap; gap: .3rem 1rem; list-style: none; padding: 0; margin: .3rem 0 .8rem; font-size: .9rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(190px, 100%), 1fr)); gap: .5rem 1rem; margin: .5rem 0; }
.facts div { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: .4rem .6rem; }
.facts dt { font-size: .78rem; color: var(--muted); } .facts dd { margin: 0; font-weight: 600; }
.warnings { margin: .3rem 0; padding-left: 1.2rem; color: var(--warn); }
.gantt { width: 100%; height: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; }
.evidence { margin: 0; padding-left: 1rem; font-size: .82rem; }
.historical-acts { list-style: none; padding: 0; margin: .3rem 0 .6rem; font-size: .85rem; }
.historical-acts li { margin: .25rem 0; }
details.action { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: .5rem .8rem; margin: .5rem 0; }
details.action summary { cursor: pointer; font-weight: 600; }
.action-form { display: grid; gap: .6rem; margin-top: .6rem; max-width: 46rem; }
.action-form .row { display: flex; flex-wrap: wrap; gap: .6rem 1rem; }
.action-form fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .7rem; }
.checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(240px, 100%), 1fr)); gap: .1rem 1rem; font-size: .88rem; }
.hint { font-size: .85rem; color: var(--muted); margin: .15rem 0 0; }
.hint.ok { color: var(--ok); } .hint.bad { color: var(--bad); font-weight: 600; }
.form-status:empty { display: none; }
.form-status { padding: .45rem .7rem; border-radius: 6px; font-weight: 600; }
.form-status.error { color: var(--bad); background: var(--bad-bg); border: 1px solid #efb7b2; }
.form-status.success { color: var(--ok); background: var(--ok-bg); border: 1px solid #b7dfc3; }
.inline-form { display: inline-flex; gap: .4rem; align-items: center; flex-wrap: wrap; margin: .2rem 0; }
.notice { border-left: 4px solid var(--brand); background: var(--paper); padding: .6rem .9rem; margin: .8rem 0; }
.notice.error { border-left-color: var(--bad); }

.login { max-width: 26rem; margin: 3rem auto; }
.login form { display: grid; gap: .8rem; }
.login input { width: 100%; }

html:has(body.public), body.public { background: #fff; }
body.public main { padding: .8rem 1rem; max-width: 1100px; }
.steps { list-style: none; padding: 0; margin: .4rem 0; display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: .4rem; }
.steps li { border: 1px solid var(--line); border-radius: 6px; padding: .45rem .55rem; font-size: .85rem; background: var(--paper); }
.steps li.done { border-color: #b7dfc3; background: var(--ok-bg); }
.steps li.current { border-color: var(--step-4); box-shadow: inset 0 0 0 1px var(--step-4); }
.steps .n { font-weight: 700; display: block; }

body { overflow-wrap: anywhere; }
/* Breaking anywhere also lets a table squeeze a column to a letter («Suplent-e»): in a cell a word breaks only when
   it alone is wider than the column can be. */
th, td { overflow-wrap: break-word; }
pre { white-space: pre-wrap; word-break: break-all; }
.field-error { color: var(--bad); font-weight: 600; font-size: .85rem; margin: .2rem 0 0; }
[aria-invalid="true"] { border-color: var(--bad) !important; box-shadow: 0 0 0 1px var(--bad); }
.form-status.pending { color: var(--ink); background: var(--none-bg); }
.action-form fieldset.item { background: #fafbfc; }
.action-form .grow { flex: 1 1 14rem; } .action-form .grow input { width: 100%; }
.guidance { background: var(--paper); border: 1px solid var(--line); border-left: 4px solid var(--warn); border-radius: 6px; padding: .5rem .9rem; margin: .6rem 0; }
.guidance.ok { border-left-color: var(--ok); }
.guidance h3 { margin: .2rem 0; }
.guidance ul { margin: .2rem 0; padding-left: 1.2rem; }

@media (max-width: 1100px) { .overview { grid-template-columns: 1fr 1fr; } .kpis { grid-template-columns: repeat(3, 1fr); } .grid-2 { grid-template-columns: 1fr; } .steps { grid-template-columns: repeat(3, 1fr); } }
/* Phone first: nothing wider than the screen; tables become one card per row, each cell with its column's name. */
@media (max-width: 640px) {
  main { padding: .6rem .6rem 1.5rem; }
  .site-header { padding: .5rem .6rem; }
  .account { margin-left: 0; }
  .overview, .grid-2 { grid-template-columns: minmax(0, 1fr); }
  .kpis, .steps { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .upcoming li { grid-template-columns: minmax(0, 1fr); }
  .table-wrap { overflow-x: visible; border: 0; }
  .table-wrap table, .table-wrap tbody, .table-wrap tr, .table-wrap th, .table-wrap td { display: block; width: 100%; }
  .table-wrap thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  /* A shown caption is the cards' title, as wide as they are (a block table would squeeze it to a letter per line). */
  .table-wrap caption:not(.sr-only) { display: block; width: 100%; }
  .table-wrap tr { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 .6rem; padding: .3rem .2rem; background: var(--paper); }
  .table-wrap th, .table-wrap td { border-bottom: 0; padding: .2rem .5rem; }
  .table-wrap td[data-label]::before { content: attr(data-label); display: block; font-size: .75rem; font-weight: 600; color: var(--muted); }
  .nowrap { white-space: normal; }
  input[type=text], input[type=date], input[type=url], input[type=email], input[type=search], select, textarea { width: 100%; }
  .action-form .row > .field { flex: 1 1 100%; }
  .filters > div { flex: 1 1 100%; }
  /* At a phone's width the chart's labels are unreadable; the table that follows it holds every date. */
  .gantt { display: none; }
  .filters select, .filters input[type=search] { max-width: none; width: 100%; }
  details.action { padding: .5rem .6rem; }
}
@media print { .site-header nav, .account, details.action, .skip-link { display: none; } }
`;
