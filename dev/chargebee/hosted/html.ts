/** Server-rendered HTML helpers for the hosted pages. Every interpolated value goes through `escapeHtml`. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A fragment of already-safe HTML. */
export interface Html {
  readonly html: string;
}

export const raw = (html: string): Html => ({ html });

/** What a template may interpolate: text and numbers are escaped; null, undefined and false render nothing. */
export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

/** Tagged template that escapes interpolations unless they are `Html` (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? "");
  });
  return { html: out };
}

function render(value: Interpolation): string {
  if (value === undefined || value === null || value === false) return "";
  if (isList(value)) return value.map(render).join("");
  if (typeof value === "object") return value.html;
  return escapeHtml(String(value));
}

// Array.isArray does not narrow a readonly array type.
const isList = (value: Interpolation): value is readonly Interpolation[] => Array.isArray(value);

export const money = (cents: number): string =>
  `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const STYLE = `
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.5 "Segoe UI", system-ui, -apple-system, Helvetica, Arial, sans-serif; color: #201f1e; background: #f3f2f1; }
  header { background: #fff; border-bottom: 1px solid #e1dfdd; padding: 12px 24px; font-weight: 600; }
  main { max-width: 920px; margin: 24px auto; padding: 0 16px; display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 24px; }
  @media (max-width: 720px) { main { grid-template-columns: 1fr; } }
  section, aside { background: #fff; border: 1px solid #e1dfdd; border-radius: 6px; padding: 20px 24px; }
  h1 { font-size: 22px; margin: 0 0 16px; }
  h2 { font-size: 17px; margin: 0 0 12px; }
  ol.steps { list-style: none; display: flex; gap: 8px; padding: 0; margin: 0 0 20px; flex-wrap: wrap; }
  ol.steps li { padding: 4px 10px; border-radius: 12px; background: #edebe9; color: #323130; font-size: 13px; }
  ol.steps li[aria-current="step"] { background: #0f6cbd; color: #fff; }
  label { display: block; font-weight: 600; margin: 12px 0 4px; }
  .optional { font-weight: 400; color: #605e5c; }
  input[type=text], input[type=email], select { width: 100%; padding: 8px 10px; font: inherit; border: 1px solid #8a8886; border-radius: 4px; background: #fff; color: #201f1e; }
  input[aria-invalid=true] { border-color: #a4262c; }
  .field-error { color: #a4262c; font-size: 13px; margin: 4px 0 0; }
  .row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
  .alert { border: 1px solid #a4262c; background: #fde7e9; color: #6e0811; padding: 10px 12px; border-radius: 4px; margin-bottom: 12px; }
  .hint { color: #605e5c; font-size: 13px; }
  .actions { display: flex; gap: 12px; align-items: center; margin-top: 20px; }
  button { font: inherit; font-weight: 600; padding: 9px 20px; border-radius: 4px; border: 1px solid #0f6cbd; background: #0f6cbd; color: #fff; cursor: pointer; }
  button:disabled { background: #f3f2f1; border-color: #c8c6c4; color: #605e5c; cursor: not-allowed; }
  a { color: #0f5ca8; }
  :focus-visible { outline: 2px solid #201f1e; outline-offset: 2px; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 6px 4px; border-bottom: 1px solid #edebe9; vertical-align: top; }
  td.amount, th.amount { text-align: right; white-space: nowrap; }
  tfoot td { font-weight: 600; border-bottom: none; }
  .terms { display: flex; gap: 8px; align-items: flex-start; margin-top: 16px; font-weight: 400; }
  .terms input { margin-top: 4px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
  dt { color: #605e5c; }
  dd { margin: 0; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export function page(options: { title: string; body: Html; aside?: Html; script?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>Timetracker · Secure checkout</header>
<main>
<section aria-labelledby="page-title">${options.body.html}</section>
${options.aside ? `<aside aria-label="Your order">${options.aside.html}</aside>` : ""}
</main>
${options.script ? `<script>${options.script}</script>` : ""}
</body>
</html>`;
}

/** A labelled text input with its error wired to `aria-describedby`. */
export function field(options: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  type?: "text" | "email";
  autocomplete?: string;
  optional?: boolean;
  inputmode?: "numeric";
  placeholder?: string;
}): Html {
  const id = `f-${options.name}`;
  const errorId = `${id}-error`;
  return html`<label for="${id}">${options.label}${options.optional ? html` <span class="optional">(optional)</span>` : ""}</label>
<input id="${id}" name="${options.name}" type="${options.type ?? "text"}" value="${options.value ?? ""}"${raw(
    options.autocomplete ? ` autocomplete="${escapeHtml(options.autocomplete)}"` : "",
  )}${raw(options.inputmode ? ` inputmode="${options.inputmode}"` : "")}${raw(
    options.placeholder ? ` placeholder="${escapeHtml(options.placeholder)}"` : "",
  )}${raw(options.optional ? "" : " required")}${raw(options.error ? ` aria-invalid="true" aria-describedby="${errorId}"` : "")}>
${options.error ? html`<p class="field-error" id="${errorId}">${options.error}</p>` : ""}`;
}

export function alertBox(message: string | undefined): Html {
  return message ? html`<div class="alert" role="alert">${message}</div>` : raw("");
}
