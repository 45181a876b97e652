/** A time the server gave, in the viewer's time zone: "Dec 3, 2026, 10:04 AM" (rule cards and the audit trail alike). */
export function whenText(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });
}
