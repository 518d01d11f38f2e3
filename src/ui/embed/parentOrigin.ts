/**
 * Reads the `?parentOrigin=` an author put in an embed link, and decides what the embed bridge
 * may do with it. Three outcomes:
 *
 * - absent: the bridge talks to whichever page embeds the app (events to `*`, commands from the
 *   parent window);
 * - an origin: the bridge talks to exactly that origin. Spellings that can only mean one origin
 *   are normalised, with a notice for the author: letter case (`https://LMS.example.edu`), the
 *   scheme's default port (`…:443`), and a path after the origin (`…/courses/cs101`);
 * - invalid: anything else (no scheme, surrounding spaces, a query or fragment, credentials,
 *   another scheme, `null`, `*`). The bridge then fails closed: no events, no commands, and the
 *   author sees why. An author who typed a restriction must never get an unrestricted embed.
 */

/** Longest value looked at; real origins are far shorter. */
const MAX_ORIGIN_CHARS = 2048;

export type ParentOriginRule =
  | { kind: 'any' }
  | { kind: 'origin'; origin: string; notice: string | null }
  | { kind: 'invalid'; reason: string; message: string };

/** Shown text: the start of what the author typed, quoted, never as markup. */
function quote(value: string): string {
  const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(s);
}

function invalid(value: string, why: string): ParentOriginRule {
  return {
    kind: 'invalid',
    reason: why,
    message:
      `parentOrigin ${quote(value)} is not an origin (${why}), so messages to and from ` +
      `the course page are switched off.`,
  };
}

/** Never throws. `null` (no parameter) allows any parent; an empty value is a mistake. */
export function resolveParentOrigin(value: string | null): ParentOriginRule {
  if (value === null) return { kind: 'any' };
  if (value.length > MAX_ORIGIN_CHARS) return invalid(value, 'it is far too long');
  if (value.trim() === '') return invalid(value, 'it is empty');
  if (value !== value.trim()) return invalid(value, 'it has spaces around it');
  if (value.includes('\\')) return invalid(value, 'it has a backslash');
  if (!/^https?:\/\//i.test(value)) {
    return invalid(value, 'it must start with https:// or http://');
  }
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return invalid(value, 'it cannot be read as a web address');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    return invalid(value, 'it must start with https:// or http://');
  }
  if (u.username || u.password || value.includes('@')) {
    return invalid(value, 'it carries a user name or password');
  }
  if (u.search || value.includes('?')) return invalid(value, 'it has a query');
  if (u.hash || value.includes('#')) return invalid(value, 'it has a fragment');
  if (!u.hostname) return invalid(value, 'it has no host');
  const origin = u.origin;
  if (origin === 'null') return invalid(value, 'it has no origin');
  if (origin === value) return { kind: 'origin', origin, notice: null };
  if (`${origin}/` === value) return { kind: 'origin', origin, notice: null };
  return {
    kind: 'origin',
    origin,
    notice:
      `parentOrigin ${quote(value)} was read as ${origin} (an origin is the scheme, host ` +
      `and port only).`,
  };
}

/**
 * For the Embed dialog: what to put in the link for a typed value (trimmed there, since the
 * author is still typing), and what to tell the author. Empty means "no restriction".
 */
export function checkTypedOrigin(typed: string): {
  ok: boolean;
  value: string | null;
  message: string | null;
} {
  const t = typed.trim();
  if (t === '') return { ok: true, value: null, message: null };
  const rule = resolveParentOrigin(t);
  if (rule.kind === 'invalid') {
    return {
      ok: false,
      value: null,
      message: `Not an origin: ${rule.reason}. Use your page's origin, such as https://lms.example.edu.`,
    };
  }
  if (rule.kind === 'any') return { ok: true, value: null, message: null };
  const exact = rule.origin === t || `${rule.origin}/` === t;
  return {
    ok: true,
    value: rule.origin,
    message: exact ? null : `Will be used as ${rule.origin}.`,
  };
}
