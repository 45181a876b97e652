/** What a hosted page request produces: a page, or a redirect (303 after a form post). */
export type HostedResult = { status: number; html: string } | { redirect: string };
