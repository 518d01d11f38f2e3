/**
 * Finds the SCORM 1.2 run-time API an LMS provides to a course package, following the ADL
 * API discovery algorithm: the object named `API` on this window or the nearest parent that
 * has it (at most 500 steps up the frame chain), then the same search from the opener window
 * (LMSs that launch content in a pop-up).
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

/** How far up the frame chain to look, as in the ADL sample code. */
const MAX_HOPS = 500;

function isApi(x: unknown): x is Scorm12Api {
  return (
    !!x &&
    typeof x === 'object' &&
    typeof (x as Scorm12Api).LMSInitialize === 'function' &&
    typeof (x as Scorm12Api).LMSSetValue === 'function' &&
    typeof (x as Scorm12Api).LMSFinish === 'function'
  );
}

/** Reads `win.API`, treating a cross-origin window (which throws on access) as having none. */
function apiOn(win: Window): Scorm12Api | null {
  try {
    const api = (win as unknown as { API?: unknown }).API;
    return isApi(api) ? api : null;
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

function searchUp(start: Window): Scorm12Api | null {
  let win: Window | null = start;
  for (let hops = 0; win && hops <= MAX_HOPS; hops += 1) {
    const api = apiOn(win);
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

/** The LMS's API, or null when the package runs without one (then it simply works offline). */
export function findScormApi(win: Window): Scorm12Api | null {
  const found = searchUp(win);
  if (found) return found;
  let top: Window = win;
  try {
    top = win.top ?? win;
  } catch {
    // A cross-origin top: start from this window's opener instead.
  }
  const opener = openerOf(top) ?? openerOf(win);
  return opener ? searchUp(opener) : null;
}
