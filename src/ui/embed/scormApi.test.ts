import { describe, expect, it } from 'vitest';
import { findScormApi, type Scorm12Api } from './scormApi.ts';

const api = (): Scorm12Api => ({
  LMSInitialize: () => 'true',
  LMSFinish: () => 'true',
  LMSGetValue: () => '',
  LMSSetValue: () => 'true',
  LMSCommit: () => 'true',
  LMSGetLastError: () => '0',
  LMSGetErrorString: () => '',
  LMSGetDiagnostic: () => '',
});

/** A minimal frame chain: each fake window knows its parent, top and opener. */
function win(props: { API?: unknown; parent?: Window; opener?: Window | null }): Window {
  const w = { opener: props.opener ?? null, API: props.API } as unknown as Window & {
    parent: Window;
    top: Window;
  };
  w.parent = props.parent ?? w;
  w.top = props.parent ? (props.parent.top ?? props.parent) : w;
  return w;
}

describe('SCORM API discovery', () => {
  it('finds the API on a parent several frames up', () => {
    const lms = api();
    const top = win({ API: lms });
    const middle = win({ parent: top });
    expect(findScormApi(win({ parent: middle }))).toBe(lms);
  });

  it('then looks in the opener of the top window (content launched in a pop-up)', () => {
    const lms = api();
    const opener = win({ parent: win({ API: lms }) });
    expect(findScormApi(win({ opener }))).toBe(lms);
  });

  it('skips a cross-origin parent that throws, and things that are not an API', () => {
    const hostile = win({});
    Object.defineProperty(hostile, 'API', {
      get() {
        throw new Error('SecurityError');
      },
    });
    expect(findScormApi(win({ parent: hostile }))).toBeNull();
    expect(findScormApi(win({ parent: win({ API: { LMSInitialize: 1 } }) }))).toBeNull();
  });

  it('gives up on a frame chain that never ends', () => {
    const loop = win({}) as Window & { parent: Window };
    const other = win({ parent: loop });
    loop.parent = other;
    expect(findScormApi(loop)).toBeNull();
  });
});
