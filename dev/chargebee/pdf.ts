/**
 * A minimal single-page PDF 1.4 writer: enough for a readable invoice with
 * the standard fonts (no embedding), and a correct cross-reference table so
 * every viewer opens it. Text is limited to printable ASCII.
 */
export type PdfFont = "regular" | "bold" | "mono";

export interface PdfLine {
  text: string;
  font?: PdfFont;
  size?: number;
  /** Extra space above this line, in points. */
  gapBefore?: number;
}

const PAGE_WIDTH = 595; // A4
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const FONT_NAMES: Record<PdfFont, string> = { regular: "F1", bold: "F2", mono: "F3" };

export function renderPdf(title: string, lines: readonly PdfLine[]): Buffer {
  const content = contentStream(lines);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      "/Resources << /Font << /F1 4 0 R /F2 5 0 R /F3 6 0 R >> >> /Contents 7 0 R >>",
    font("Helvetica"),
    font("Helvetica-Bold"),
    font("Courier"),
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    `<< /Title (${escapeText(title)}) /Producer (Local Chargebee stand-in) >>`,
  ];

  let output = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(output, "latin1"));
    output += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(output, "latin1");
  output += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) output += `${String(offset).padStart(10, "0")} 00000 n \n`;
  output += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(output, "latin1");
}

function font(baseFont: string): string {
  return `<< /Type /Font /Subtype /Type1 /BaseFont /${baseFont} /Encoding /WinAnsiEncoding >>`;
}

function contentStream(lines: readonly PdfLine[]): string {
  const operations: string[] = [];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of lines) {
    const size = line.size ?? 10;
    y -= (line.gapBefore ?? 0) + size * 1.4;
    if (y < MARGIN) break; // one page is all an invoice here needs
    operations.push(
      `BT /${FONT_NAMES[line.font ?? "regular"]} ${size} Tf ${MARGIN} ${y.toFixed(1)} Td (${escapeText(line.text)}) Tj ET`,
    );
  }
  return operations.join("\n");
}

/** PDF literal strings need `\`, `(` and `)` escaped; anything outside printable ASCII becomes `?`. */
function escapeText(text: string): string {
  return text.replace(/[^\x20-\x7E]/g, "?").replace(/([\\()])/g, "\\$1");
}
