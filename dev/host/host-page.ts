/** The HTML shell of the host page; everything visible is built by /host/main.js. */
export function hostPageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Azure DevOps (dev host)</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/host/main.css">
</head>
<body>
  <div id="app">Loading the dev host…</div>
  <script type="module" src="/host/main.js"></script>
</body>
</html>
`;
}
