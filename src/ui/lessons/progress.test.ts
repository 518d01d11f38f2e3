import { afterEach, describe, expect, it, vi } from 'vitest';

/** A localStorage that is nearly full: a tiny probe write succeeds, the real value does not. */
function nearlyFullStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      if (v.length > 8) throw new DOMException('full', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}

async function freshProgress(localStorage: Storage) {
  vi.resetModules();
  vi.stubGlobal('window', { localStorage });
  return import('./progress.ts');
}

describe('lesson progress', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps answers for the visit when storage is nearly full', async () => {
    const p = await freshProgress(nearlyFullStorage());
    p.updateLesson('pizza', (x) => ({ ...x, step: 3, checks: { '2': 'b' } }));
    p.updateLesson('pizza', (x) => ({ ...x, predictions: { '1': 'a' } }));
    expect(p.loadProgress().pizza).toEqual({
      step: 3,
      completed: false,
      predictions: { '1': 'a' },
      checks: { '2': 'b' },
      firstChecks: {},
      met: [],
    });
  });

  it('never shows a saved step beyond the lesson', async () => {
    const p = await freshProgress(nearlyFullStorage());
    const map = p.sanitize({ pizza: { step: 1_000_000_000, completed: false } });
    expect(map.pizza!.step).toBe(0);
    expect(p.savedStep({ ...map.pizza!, step: 12 }, 7)).toBe(6);
    expect(p.savedStep(undefined, 7)).toBe(0);
  });
});
