/** The page's own style sheet (served as `/assets/app.css`; uPlot's sheet is served beside it). */
export const APP_CSS = `
:root { --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --bg: #fff; --accent: #0969da; --bad: #cf222e; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header { display: flex; align-items: center; gap: 16px; padding: 6px 14px; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: var(--bg); z-index: 10; }
.brand { font-weight: 600; }
nav a { margin-right: 10px; color: var(--muted); text-decoration: none; }
nav a.active { color: var(--fg); font-weight: 600; border-bottom: 2px solid var(--accent); }
#live { margin-left: auto; color: var(--muted); font-size: 12px; }
main { padding: 12px 14px; }
.toolbar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 10px; }
input[type=text], select { font: inherit; padding: 2px 6px; border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: collapse; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th.sortable { cursor: pointer; user-select: none; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.status-running { color: var(--accent); } .status-finished { color: var(--ok); } .status-crashed { color: var(--bad); }
.tag { display: inline-block; background: #eef1f4; border-radius: 8px; padding: 0 6px; margin-right: 4px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px; min-width: 0; overflow-x: auto; }
.card h4 { margin: 0 0 4px; font-size: 13px; word-break: break-all; }
.downloads a { margin-right: 8px; font-size: 12px; }
details > summary { cursor: pointer; font-weight: 600; margin: 8px 0; }
pre { white-space: pre-wrap; word-break: break-word; background: #f6f8fa; padding: 6px; border-radius: 4px; margin: 4px 0; }
.md table { margin: 4px 0; } .md p { margin: 4px 0; }
.muted { color: var(--muted); }
.bottleneck { background: #fff1e5; }
.flame-tip { position: fixed; pointer-events: none; background: #24292f; color: #fff; padding: 2px 6px; border-radius: 4px; font-size: 12px; display: none; z-index: 20; }
.error { color: var(--bad); }
.graph { overflow: auto; max-height: 720px; margin: 6px 0; }
`;
