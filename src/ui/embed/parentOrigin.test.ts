import { describe, expect, it } from 'vitest';
import { checkTypedOrigin, resolveParentOrigin } from './parentOrigin.ts';

describe('parentOrigin rules', () => {
  it('no parameter means any parent; an exact origin is used as it is', () => {
    expect(resolveParentOrigin(null)).toEqual({ kind: 'any' });
    expect(resolveParentOrigin('https://lms.example.edu')).toEqual({
      kind: 'origin',
      origin: 'https://lms.example.edu',
      notice: null,
    });
    expect(resolveParentOrigin('http://127.0.0.1:4174/')).toEqual({
      kind: 'origin',
      origin: 'http://127.0.0.1:4174',
      notice: null,
    });
  });

  it('normalises spellings that can only mean one origin, and says so', () => {
    for (const spelling of [
      'https://LMS.example.edu',
      'https://lms.example.edu/courses/cs101',
      'https://lms.example.edu:443',
      'HTTPS://lms.example.edu',
    ]) {
      const rule = resolveParentOrigin(spelling);
      expect(rule.kind, spelling).toBe('origin');
      if (rule.kind !== 'origin') continue;
      expect(rule.origin).toBe('https://lms.example.edu');
      expect(rule.notice).toContain('read as https://lms.example.edu');
    }
  });

  it('fails closed on anything else, with a message for the author', () => {
    for (const spelling of [
      'lms.example.edu',
      ' https://lms.example.edu',
      'https://lms.example.edu?x=1',
      'https://lms.example.edu/#top',
      'null',
      '*',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://user:pw@lms.example.edu',
      'https://lms.example.edu\\evil.example',
      '',
      'x'.repeat(5000),
    ]) {
      const rule = resolveParentOrigin(spelling);
      expect(rule.kind, spelling).toBe('invalid');
      if (rule.kind === 'invalid') expect(rule.message).toMatch(/switched off/);
    }
  });

  it('the Embed dialog trims, normalises and refuses as the author types', () => {
    expect(checkTypedOrigin('')).toEqual({ ok: true, value: null, message: null });
    expect(checkTypedOrigin('  https://lms.example.edu ')).toEqual({
      ok: true,
      value: 'https://lms.example.edu',
      message: null,
    });
    expect(checkTypedOrigin('https://LMS.example.edu/course')).toEqual({
      ok: true,
      value: 'https://lms.example.edu',
      message: 'Will be used as https://lms.example.edu.',
    });
    const bad = checkTypedOrigin('lms.example.edu');
    expect(bad.ok).toBe(false);
    expect(bad.value).toBe(null);
    expect(bad.message).toMatch(/https:\/\//);
  });
});
