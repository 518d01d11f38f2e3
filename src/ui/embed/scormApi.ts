/**
 * Finds the SCORM run-time API an LMS provides to a course package, following the ADL API
 * discovery algorithm: the object named `API_1484_11` (SCORM 2004) or `API` (SCORM 1.2) on
 * this window or the nearest parent that has it (at most 500 steps up the frame chain), then
 * the same search from the opener window (LMSs that launch content in a pop-up). A package
 * looks for its own edition's API first and takes the other when that is all there is (an
 * LMS that imported a 2004 package may still provide only `API`, and the reverse).
 *
 * Written here rather than taken from a wrapper library: the search is a dozen lines that
 * the specification spells out, the common wrappers (pipwerks and its forks) are unmaintained
 * scripts that set globals, and this code has to stay out of the initial bundle anyway.
 */

/** The eight functions of the SCORM 1.2 run-time API (values are always strings). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** The eight functions of the SCORM 2004 run-time API (values are always strings). */
export interface Scorm2004Api {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

export type ScormVersion = '1.2' | '2004';

/** The API found, with the edition it speaks. */
export type FoundScormApi =
  { version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api };

/** How far up the frame chain to look, as in the ADL sample code. */
const MAX_HOPS = 500;

/** The window property each edition's API is found under, and functions it must have. */
const SHAPES: Record<ScormVersion, { name: string; functions: string[] }> = {
  '1.2': { name: 'API', functions: ['LMSInitialize', 'LMSSetValue', 'LMSFinish'] },
  '2004': { name: 'API_1484_11', functions: ['Initialize', 'SetValue', 'Terminate'] },
};

/** Reads the API on `win`, treating a cross-origin window (it throws on access) as having none. */
function apiOn(win: Window, version: ScormVersion): FoundScormApi | null {
  const shape = SHAPES[version];
  try {
    const api = (win as unknown as Record<string, unknown>)[shape.name];
    if (!api || typeof api !== 'object') return null;
    const fns = api as Record<string, unknown>;
    if (!shape.functions.every((f) => typeof fns[f] === 'function')) return null;
    return { version, api } as FoundScormApi;
  } catch {
    return null;
  }
}

function parentOf(win: Window): Window | null {
  try {
    return win.parent && win.parent !== win ? win.parent : null;
  } catch {
    return null;
  }
}

function searchUp(start: Window, version: ScormVersion): FoundScormApi | null {
  let win: Window | null = start;
  for (let hops = 0; win && hops <= MAX_HOPS; hops += 1) {
    const api = apiOn(win, version);
    if (api) return api;
    win = parentOf(win);
  }
  return null;
}

function openerOf(win: Window): Window | null {
  try {
    return win.opener && win.opener !== win ? (win.opener as Window) : null;
  } catch {
    return null;
  }
}

/** One edition's API: up the frame chain, then from the opener. */
function search(win: Window, version: ScormVersion): FoundScormApi | null {
  const found = searchUp(win, version);
  if (found) return found;
  let top: Window = win;
  try {
    top = win.top ?? win;
  } catch {
    // A cross-origin top: start from this window's opener instead.
  }
  const opener = openerOf(top) ?? openerOf(win);
  return opener ? searchUp(opener, version) : null;
}

/**
 * The LMS's API, `prefer`'s edition first, or null when the package runs without one (then
 * it simply works offline).
 */
export function findScormApi(win: Window, prefer: ScormVersion = '1.2'): FoundScormApi | null {
  return search(win, prefer) ?? search(win, prefer === '1.2' ? '2004' : '1.2');
}
