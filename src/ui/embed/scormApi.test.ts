import { describe, expect, it } from 'vitest';
import { findScormApi, type Scorm12Api, type Scorm2004Api } from './scormApi.ts';

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

const api2004 = (): Scorm2004Api => ({
  Initialize: () => 'true',
  Terminate: () => 'true',
  GetValue: () => '',
  SetValue: () => 'true',
  Commit: () => 'true',
  GetLastError: () => '0',
  GetErrorString: () => '',
  GetDiagnostic: () => '',
});

/** A minimal frame chain: each fake window knows its parent, top and opener. */
function win(props: {
  API?: unknown;
  API_1484_11?: unknown;
  parent?: Window;
  opener?: Window | null;
}): Window {
  const w = {
    opener: props.opener ?? null,
    API: props.API,
    API_1484_11: props.API_1484_11,
  } as unknown as Window & {
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
    expect(findScormApi(win({ parent: middle }))).toEqual({ version: '1.2', api: lms });
  });

  it('then looks in the opener of the top window (content launched in a pop-up)', () => {
    const lms = api();
    const opener = win({ parent: win({ API: lms }) });
    expect(findScormApi(win({ opener }))?.api).toBe(lms);
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

  it('finds API_1484_11 too: its own edition first, the other when that is all there is', () => {
    const v12 = api();
    const v2004 = api2004();
    const both = win({ parent: win({ API: v12, API_1484_11: v2004 }) });
    expect(findScormApi(both, '2004')).toEqual({ version: '2004', api: v2004 });
    expect(findScormApi(both, '1.2')).toEqual({ version: '1.2', api: v12 });
    // A 2004 API several frames up wins over a 1.2 one nearer, for a 2004 package.
    const far = win({ parent: win({ parent: win({ API_1484_11: v2004 }), API: v12 }) });
    expect(findScormApi(far, '2004')?.api).toBe(v2004);
    expect(findScormApi(win({ parent: win({ API: v12 }) }), '2004')?.version).toBe('1.2');
    expect(findScormApi(win({ parent: win({ API_1484_11: v2004 }) }))?.version).toBe('2004');
    // The 2004 shape is checked like the 1.2 one.
    expect(findScormApi(win({ API_1484_11: { Initialize: () => 'true' } }), '2004')).toBeNull();
  });

  it('gives up on a frame chain that never ends', () => {
    const loop = win({}) as Window & { parent: Window };
    const other = win({ parent: loop });
    loop.parent = other;
    expect(findScormApi(loop)).toBeNull();
  });
});
