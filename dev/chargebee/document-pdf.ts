import type { CreditNote, Customer, Invoice } from "chargebee";
import { renderPdf, type PdfLine } from "./pdf";
import { isoDate } from "./time";

const money = (cents: number | undefined): string =>
  `$${((cents ?? 0) / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const column = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}~` : text.padEnd(width);
const right = (text: string, width: number): string => text.padStart(width);

type LineItems = Invoice["line_items"];

/** The printable invoice: number, dates, who is billed, the lines and the totals. */
export function invoicePdf(invoice: Invoice, customer: Customer | undefined): Buffer {
  const totals: [string, string][] = [
    ["Subtotal", money(invoice.sub_total)],
    ["Total", money(invoice.total)],
    ["Credits applied", money(invoice.credits_applied)],
    ["Amount paid", money(invoice.amount_paid)],
    ["Amount due", money(invoice.amount_due)],
  ];
  return renderPdf(`Invoice ${invoice.id}`, [
    ...header(`Invoice #${invoice.id}`, invoice.date, String(invoice.status)),
    ...billedTo(customer),
    ...table(invoice.line_items),
    ...totals.map(([label, value], index): PdfLine => ({
      text: `${column(label, 62)}${right(value, 12)}`,
      font: "mono",
      ...(index === 0 ? { gapBefore: 8 } : {}),
    })),
  ]);
}

export function creditNotePdf(creditNote: CreditNote, customer: Customer | undefined): Buffer {
  return renderPdf(`Credit Note ${creditNote.id}`, [
    ...header(`Credit Note ${creditNote.id}`, creditNote.date, String(creditNote.status)),
    {
      text: `Type: ${creditNote.type}   Reason: ${creditNote.reason_code ?? "-"}   Invoice: ${creditNote.reference_invoice_id ?? "-"}`,
    },
    ...billedTo(customer),
    ...table(creditNote.line_items),
    { text: `${column("Total credit", 62)}${right(money(creditNote.total), 12)}`, font: "mono", gapBefore: 8 },
    { text: `${column("Available", 62)}${right(money(creditNote.amount_available), 12)}`, font: "mono" },
  ]);
}

function header(title: string, date: number | undefined, status: string): PdfLine[] {
  return [
    { text: "Timetracker", font: "bold", size: 18 },
    { text: title, font: "bold", size: 14, gapBefore: 10 },
    { text: `Date: ${date === undefined ? "-" : isoDate(date)}   Status: ${status}`, gapBefore: 4 },
  ];
}

function billedTo(customer: Customer | undefined): PdfLine[] {
  if (!customer) return [];
  const address = customer.billing_address;
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ");
  const lines = [
    name,
    typeof customer.company === "string" ? customer.company : "",
    typeof customer.email === "string" ? customer.email : "",
    address?.line1 ?? "",
    [address?.zip, address?.city].filter(Boolean).join(" "),
    address?.country ?? "",
  ].filter((text) => text !== "");
  return [{ text: "Billed to", font: "bold", gapBefore: 12 }, ...lines.map((text): PdfLine => ({ text }))];
}

function table(items: LineItems): PdfLine[] {
  const rows = (items ?? []).map((item): PdfLine => ({
    text: `${column(item.description, 30)}${column(`${isoDate(item.date_from)} - ${isoDate(item.date_to)}`, 26)}${right(String(item.quantity ?? 1), 6)}${right(money(item.amount), 12)}`,
    font: "mono",
  }));
  return [
    {
      text: `${column("Description", 30)}${column("Period", 26)}${right("Qty", 6)}${right("Amount", 12)}`,
      font: "mono",
      gapBefore: 16,
    },
    ...rows,
  ];
}
