/** The HTML page the host frames for one contribution: loads the entry's CSS and ES module. */
export function renderHtmlShell(options: { name: string; title: string; cssFile?: string }): string {
  const stylesheet = options.cssFile ? `\n    <link rel="stylesheet" href="./${options.cssFile}" />` : "";
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(options.title)}</title>${stylesheet}
    <script type="module" src="./${options.name}.js"></script>
  </head>
  <body>
    <div id="root" class="flex-grow flex-column"></div>
  </body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
