/**
 * `npm run package:scorm [-- --mastery N]`: SCORM 1.2 and SCORM 2004 (4th edition) course
 * packages in dist-scorm/.
 * (`--from DIR --out DIR` packages an existing build instead of building: the end-to-end
 * tests package their own build, which has the test hook, into dist-e2e-scorm/.)
 *
 * Builds the app (the ordinary production build, so a package is the same static site that
 * works from any path) into dist-scorm/site/, then writes one zip per lesson and one with
 * every lesson (one SCO each), in each edition (`statecraft-<lesson>.zip` for SCORM 1.2,
 * `statecraft-<lesson>-scorm2004.zip` for 2004): the build's files, a launch page per lesson
 * and imsmanifest.xml. `--mastery N` (0–100) declares a mastery score, so the LMS records
 * passed / failed instead of completed. The zips are deterministic: same build, same bytes.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { build } from 'vite';
import { LESSONS } from '../src/lessons/catalog.ts';
import {
  launchFile,
  launchPage,
  scorm12Manifest,
  scorm2004Manifest,
  type PackageLesson,
  type ScormEdition,
} from './scormManifest.ts';

const args = process.argv.slice(2);
function option(name: string): string | null {
  const i = args.indexOf(name);
  if (i === -1) return null;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}
const OUT = option('--out') ?? 'dist-scorm';
const FROM = option('--from');
const SITE = FROM ?? join(OUT, 'site');
/** The offline cache is for the public site: an LMS serves and versions its files itself. */
const LEFT_OUT = new Set(['sw.js']);
/** A fixed timestamp, so the zips do not change between identical builds. */
const MTIME = new Date('2026-01-01T00:00:00Z');

function parseMastery(): number | null {
  const v = option('--mastery');
  if (v === null) return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 100) {
    throw new Error(`--mastery must be a whole number from 0 to 100, got "${v}"`);
  }
  return n;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(relative(SITE, full).split(sep).join('/'));
  }
  return out;
}

function writePackage(
  name: string,
  title: string,
  lessons: PackageLesson[],
  files: string[],
  indexHtml: string,
  mastery: number | null,
  edition: ScormEdition,
): void {
  const entries: Zippable = {};
  for (const f of files) entries[f] = [readFileSync(join(SITE, f)), { mtime: MTIME }];
  for (const l of lessons) {
    entries[launchFile(l.id)] = [Buffer.from(launchPage(indexHtml, l, edition)), { mtime: MTIME }];
  }
  const write = edition === '2004' ? scorm2004Manifest : scorm12Manifest;
  const manifest = write({ id: name, title, lessons, files, masteryScore: mastery });
  entries['imsmanifest.xml'] = [Buffer.from(manifest), { mtime: MTIME }];
  const zip = zipSync(entries, { level: 9 });
  const path = join(OUT, `${name}.zip`);
  writeFileSync(path, zip);
  console.log(`${path.padEnd(52)} ${(zip.length / 1024).toFixed(0).padStart(6)} KB`);
}

async function main(): Promise<void> {
  const mastery = parseMastery();
  if (FROM !== null && resolve(FROM) === resolve(OUT))
    throw new Error('--out must differ from --from');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  if (FROM === null) await build({ logLevel: 'warn', build: { outDir: SITE, emptyOutDir: true } });
  else if (!existsSync(join(FROM, 'index.html'))) throw new Error(`${FROM}/index.html not found`);
  const files = listFiles(SITE).filter((f) => !LEFT_OUT.has(f));
  const indexHtml = readFileSync(join(SITE, 'index.html'), 'utf8');
  const lessons: PackageLesson[] = LESSONS.map((l) => ({
    id: l.id,
    title: l.title,
    summary: l.summary,
  }));
  for (const edition of ['1.2', '2004'] as const) {
    const suffix = edition === '2004' ? '-scorm2004' : '';
    for (const l of lessons) {
      const name = `statecraft-${l.id}${suffix}`;
      writePackage(name, `Statecraft: ${l.title}`, [l], files, indexHtml, mastery, edition);
    }
    const all = `statecraft-all-lessons${suffix}`;
    writePackage(all, 'Statecraft: all lessons', lessons, files, indexHtml, mastery, edition);
  }
  console.log(
    `${lessons.length + 1} SCORM 1.2 and ${lessons.length + 1} SCORM 2004 4th edition packages in ${OUT}/` +
      (mastery === null ? '' : ` (mastery score ${mastery})`),
  );
}

main().catch((e: unknown) => {
  console.error(`package:scorm: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
