import { describe, expect, it } from 'vitest';
import { parseHostMessage } from './hostCommands.ts';

const cmd = (type: string, rest: Record<string, unknown> = {}) => ({
  type: `statecraft:${type}`,
  v: 1,
  ...rest,
});

describe('host API commands', () => {
  it('accepts each documented command in its exact shape, with or without an id', () => {
    expect(parseHostMessage(cmd('go-to-step', { step: 3 }))).toEqual({
      ok: true,
      command: { type: 'go-to-step', step: 3 },
      id: null,
    });
    for (const name of ['play', 'pause', 'get-state', 'get-score']) {
      expect(parseHostMessage(cmd(name, { id: 'r1' }))).toEqual({
        ok: true,
        command: { type: name },
        id: 'r1',
      });
    }
    expect(parseHostMessage(cmd('set-state', { state: '#run=abc', id: 7 }))).toEqual({
      ok: true,
      command: { type: 'set-state', state: '#run=abc' },
      id: 7,
    });
  });

  it('refuses an extra key, naming it, and keeps the id for the reply', () => {
    expect(parseHostMessage(cmd('pause', { extra: 1, id: 'x' }))).toEqual({
      ok: false,
      error: 'bad-shape',
      message: 'statecraft:pause takes no key "extra".',
      command: 'pause',
      id: 'x',
    });
  });

  it('refuses a missing version, another version, unknown commands and bad fields', () => {
    const refused = (data: unknown) => {
      const r = parseHostMessage(data);
      return r && !r.ok ? r.error : r;
    };
    expect(refused({ type: 'statecraft:play' })).toBe('bad-version');
    expect(refused(cmd('play', { v: 2 }))).toBe('bad-version');
    expect(refused(cmd('eval', { code: 'x' }))).toBe('unknown-command');
    expect(refused(cmd('toString'))).toBe('unknown-command');
    expect(refused(cmd('go-to-step'))).toBe('bad-shape');
    expect(refused(cmd('go-to-step', { step: 1.5 }))).toBe('bad-shape');
    expect(refused(cmd('go-to-step', { step: -1 }))).toBe('bad-shape');
    expect(refused(cmd('go-to-step', { step: '2' }))).toBe('bad-shape');
    expect(refused(cmd('set-state', { state: 42 }))).toBe('bad-shape');
    expect(refused(cmd('set-state', { state: '' }))).toBe('bad-shape');
    expect(refused(cmd('play', { id: { nested: true } }))).toBe('bad-shape');
    expect(refused(cmd('play', { id: 'x'.repeat(65) }))).toBe('bad-shape');
  });

  it('ignores messages that are not addressed to Statecraft', () => {
    for (const other of [null, 'statecraft:play', [], { type: 'resize' }, { type: 3 }, {}]) {
      expect(parseHostMessage(other)).toBeNull();
    }
  });
});
