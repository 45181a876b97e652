import { AdoError } from "./errors";

// `$filter` of GET _apis/userentitlements as memberEntitlementManagement 7.1 documents it:
// equality clauses on licenseId, licenseStatus, userType and name joined by `and` / `or`,
// with parentheses, e.g.
//   (licenseId eq 'Account-Stakeholder' or (licenseId eq 'Account-Express' and licenseStatus eq 'Disabled')) and name eq 'test'
// `name eq 'x'` matches when the display name or email *contains* x. Values are quoted, a
// quote inside doubled ('o''connor').

export interface EntitlementFacts {
  displayName: string;
  email: string;
  /** e.g. "Account-Express", "Account-Stakeholder". */
  licenseId: string;
  /** e.g. "Active", "Disabled". */
  licenseStatus: string;
  /** "member" or "guest". */
  userType: string;
}

type Predicate = (facts: EntitlementFacts) => boolean;

const FIELDS: Record<string, (facts: EntitlementFacts, value: string) => boolean> = {
  name: (f, v) => f.displayName.toLowerCase().includes(v) || f.email.toLowerCase().includes(v),
  licenseid: (f, v) => f.licenseId.toLowerCase() === v,
  licensestatus: (f, v) => f.licenseStatus.toLowerCase() === v,
  usertype: (f, v) => f.userType.toLowerCase() === v,
};

const TOKEN = /\s*(?:(\()|(\))|'((?:[^']|'')*)'|([A-Za-z]+))/y;

type Token = { kind: "(" | ")" } | { kind: "word"; text: string } | { kind: "string"; text: string };

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.length) {
    if (/^\s*$/.test(expression.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(expression);
    if (!m) throw invalid(expression, `unexpected text at position ${at}`);
    if (m[1]) tokens.push({ kind: "(" });
    else if (m[2]) tokens.push({ kind: ")" });
    else if (m[3] !== undefined) tokens.push({ kind: "string", text: m[3].replace(/''/g, "'") });
    else tokens.push({ kind: "word", text: m[4] });
  }
  return tokens;
}

function invalid(expression: string, why: string): AdoError {
  return new AdoError(
    400,
    `The filter '${expression}' is not valid (${why}). Use equality clauses on licenseId, licenseStatus, userType or name joined by 'and' / 'or', e.g. name eq 'pat'.`,
    "InvalidFilterException",
  );
}

export function parseEntitlementFilter(expression: string | undefined): Predicate {
  if (!expression?.trim()) return () => true;
  const tokens = tokenize(expression);
  let pos = 0;
  const peekWord = (word: string): boolean => {
    const t = tokens[pos];
    return t?.kind === "word" && t.text.toLowerCase() === word;
  };

  function orExpr(): Predicate {
    const parts = [andExpr()];
    while (peekWord("or")) {
      pos++;
      parts.push(andExpr());
    }
    return (f) => parts.some((p) => p(f));
  }
  function andExpr(): Predicate {
    const parts = [clause()];
    while (peekWord("and")) {
      pos++;
      parts.push(clause());
    }
    return (f) => parts.every((p) => p(f));
  }
  function clause(): Predicate {
    const t = tokens[pos++];
    if (t?.kind === "(") {
      const inner = orExpr();
      if (tokens[pos++]?.kind !== ")") throw invalid(expression!, "a parenthesis is not closed");
      return inner;
    }
    if (t?.kind !== "word") throw invalid(expression!, "expected a property name");
    const test = FIELDS[t.text.toLowerCase()];
    if (!test) throw invalid(expression!, `'${t.text}' is not a property that can be filtered on`);
    if (!peekWord("eq")) throw invalid(expression!, `only 'eq' is supported after ${t.text}`);
    pos++;
    const value = tokens[pos++];
    if (value?.kind !== "string") throw invalid(expression!, `the value for ${t.text} must be quoted`);
    const wanted = value.text.toLowerCase();
    return (f) => test(f, wanted);
  }

  const predicate = orExpr();
  if (pos !== tokens.length) throw invalid(expression, "unexpected text after the last clause");
  return predicate;
}
