/**
 * The page shell. Only the token (hex made by the server) is put into it; every log value reaches the page as
 * JSON and is set with `textContent`. The CSP forbids inline scripts, so markup that slipped in could not run.
 */
export function pageHtml(token: string | undefined): string {
  const q = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>trainscope view</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/uPlot.min.css${q}">
<link rel="stylesheet" href="/assets/app.css${q}">
<script type="module" src="/assets/app.js${q}"></script>
</head>
<body>
<header id="top"><span class="brand">trainscope view</span><nav id="nav"></nav><span id="live"></span></header>
<main id="app"></main>
</body>
</html>
`;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
