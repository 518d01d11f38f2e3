// Proves that eslint.config.js really enforces the layer walls of docs/architecture.md:
// each fixture below is linted as if it were a file at the given path.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  // The first lint loads the parser and every plugin: pay for it here, not in a test's 5 s.
  await eslint.lintText('export {};\n', { filePath: 'src/sim/__lint_warmup__.ts' });
}, 60_000);

interface Finding {
  ruleId: string | null;
  severity: number;
  message: string;
}

/**
 * Lints `code` as if it lived at `filePath` and returns every finding, errors and
 * warnings alike. Fails if the path is ignored: an ignored file would pass vacuously.
 */
async function lint(code: string, filePath: string): Promise<Finding[]> {
  expect(await eslint.isPathIgnored(filePath), `${filePath} is ignored by ESLint`).toBe(false);
  const [result] = await eslint.lintText(code, { filePath });
  if (result === undefined) throw new Error(`ESLint returned no result for ${filePath}`);
  return result.messages.map(({ ruleId, severity, message }) => ({ ruleId, severity, message }));
}

/** The errors only. */
async function lintErrors(code: string, filePath: string): Promise<Finding[]> {
  return (await lint(code, filePath)).filter((finding) => finding.severity === 2);
}

function ruleIds(findings: Finding[]): (string | null)[] {
  return findings.map((finding) => finding.ruleId);
}

const SIM_FILE = 'src/sim/__lint_fixture__.ts';
const STORE_FILE = 'src/store/foo.ts';

describe('src/sim is pure', () => {
  it('may not import React', async () => {
    const errors = await lintErrors(
      "import { useState } from 'react';\nexport const hook = useState;\n",
      SIM_FILE,
    );
    expect(ruleIds(errors)).toContain('no-restricted-imports');
  });

  it('may not import the view', async () => {
    const errors = await lintErrors(
      "import { App } from '../ui/App';\nexport const app = App;\n",
      SIM_FILE,
    );
    expect(ruleIds(errors)).toContain('no-restricted-imports');
  });

  it('may not import the store', async () => {
    const errors = await lintErrors(
      "import { x } from '../store/x';\nexport const y = x;\n",
      SIM_FILE,
    );
    expect(ruleIds(errors)).toContain('no-restricted-imports');
  });

  it('may not use Math.random', async () => {
    const errors = await lintErrors('export const r = Math.random();\n', SIM_FILE);
    expect(ruleIds(errors)).toContain('no-restricted-syntax');
  });

  it('may not read the wall clock with Date.now', async () => {
    const errors = await lintErrors('export const t = Date.now();\n', SIM_FILE);
    expect(ruleIds(errors)).toContain('no-restricted-syntax');
  });

  it('may import its own modules', async () => {
    const findings = await lint("import { x } from './heap';\nexport const y = x;\n", SIM_FILE);
    expect(findings).toEqual([]);
  });
});

describe('dependencies point down', () => {
  it('src/store may not import src/ui', async () => {
    const errors = await lintErrors(
      "import { x } from '../ui/x';\nexport const y = x;\n",
      STORE_FILE,
    );
    expect(ruleIds(errors)).toContain('no-restricted-imports');
  });

  it('src/store may import src/sim', async () => {
    const findings = await lint("import { x } from '../sim/x';\nexport const y = x;\n", STORE_FILE);
    expect(findings).toEqual([]);
  });
});

describe('src/realStack is pure and sits just above src/sim', () => {
  const REAL_FILE = 'src/realStack/foo.ts';

  it('may import src/sim', async () => {
    const findings = await lint("import { x } from '../sim/x';\nexport const y = x;\n", REAL_FILE);
    expect(findings).toEqual([]);
  });

  it('may not import src/store or Node modules', async () => {
    for (const code of [
      "import { x } from '../store/x';\nexport const y = x;\n",
      "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n",
    ]) {
      expect(ruleIds(await lintErrors(code, REAL_FILE))).toContain('no-restricted-imports');
    }
  });

  it('src/ui may import it', async () => {
    const findings = await lint(
      "import { x } from '../realStack/x';\nexport const y = x;\n",
      'src/ui/foo.ts',
    );
    expect(findings).toEqual([]);
  });
});
