// Proves that eslint.config.js really enforces the layer walls of docs/architecture.md:
// each fixture below is linted as if it were a file at the given path.
//
// It also proves that no folder inside src/ui imports a sibling folder that imports it back.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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
const APP_FILE = 'src/app/foo.ts';

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

describe('the application layer', () => {
  it('src/app may not import src/ui', async () => {
    const errors = await lintErrors(
      "import { App } from '../ui/App.tsx';\nexport const a = App;\n",
      APP_FILE,
    );
    expect(ruleIds(errors)).toContain('no-restricted-imports');
  });

  it('src/app may not import React', async () => {
    const errors = await lintErrors(
      "import { useState } from 'react';\nexport const hook = useState;\n",
      APP_FILE,
    );
    expect(ruleIds(errors)).toContain('no-restricted-imports');
  });

  it('src/lessons may not import src/app', async () => {
    const errors = await lintErrors(
      "import { COMMANDS } from '../app/commands.ts';\nexport const c = COMMANDS;\n",
      'src/lessons/foo.ts',
    );
    expect(ruleIds(errors)).toContain('no-restricted-imports');
  });

  it('src/app may import the store and src/ui may import src/app', async () => {
    expect(await lint("import { x } from '../store/x';\nexport const y = x;\n", APP_FILE)).toEqual(
      [],
    );
    expect(
      await lint(
        "import { COMMANDS } from '../app/commands.ts';\nexport const c = COMMANDS;\n",
        'src/ui/foo.ts',
      ),
    ).toEqual([]);
  });
});

/** Relative imports (static, re-exports and dynamic) in one source file. */
function importsOf(source: string): string[] {
  const out: string[] = [];
  const re =
    /(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  for (const m of source.matchAll(re)) out.push((m[1] ?? m[2])!);
  return out;
}

/**
 * Pairs of sibling folders under `root` that import each other, from `files` (absolute path
 * → source). Files directly in `root` belong to no folder.
 */
function mutualFolders(root: string, files: Map<string, string>): string[] {
  const folderOf = (p: string): string | null => {
    const parts = relative(root, p).split('/');
    return parts.length > 1 && parts[0] !== '..' ? parts[0]! : null;
  };
  const edges = new Set<string>();
  for (const [path, source] of files) {
    const from = folderOf(path);
    if (!from) continue;
    for (const spec of importsOf(source)) {
      const to = folderOf(resolve(dirname(path), spec));
      if (to && to !== from) edges.add(`${from} → ${to}`);
    }
  }
  return [...edges].filter((e) => {
    const [a, b] = e.split(' → ');
    return a! < b! && edges.has(`${b} → ${a}`);
  });
}

function sourcesUnder(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourcesUnder(p, out);
    else if (/\.tsx?$/.test(name)) out.set(p, readFileSync(p, 'utf8'));
  }
  return out;
}

describe('folders inside src/ui', () => {
  it('the check finds two folders that import each other', () => {
    const files = new Map([
      ['/r/a/x.ts', "import { y } from '../b/y.ts';"],
      ['/r/b/y.ts', "export { x } from '../a/x.ts';"],
      ['/r/c/z.ts', "const m = import('../a/x.ts');"],
      ['/r/top.ts', "import { z } from './c/z.ts';"],
    ]);
    expect(mutualFolders('/r', files)).toEqual(['a → b']);
  });

  it('no folder imports a sibling folder that imports it back', () => {
    const root = resolve('src/ui');
    expect(mutualFolders(root, sourcesUnder(root))).toEqual([]);
  });
});
