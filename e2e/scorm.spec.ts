// A course package in a SCORM 1.2 and in a SCORM 2004 4th edition runtime. The packages are
// the zips scripts/packageScorm.ts wrote from this e2e build (dist-e2e-scorm/, made by
// `npm run build:e2e`), unzipped and served under an LMS-like page that provides window.API
// (or window.API_1484_11) from scorm-again, the way an LMS frames content. The learner works through the lesson in the frame; the test reads what
// the LMS received: status, score, session time and resume data, and a second launch from
// the LMS's saved data (in a fresh browser, so nothing comes from this browser's storage)
// must open where the learner stopped.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname } from 'node:path';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { lessonById } from '../src/lessons/catalog.ts';
import { playSteps, waitForHook } from './support/lesson-driver';
import { watchPageHealth } from './support/page-health';
import { SCORM_LMS_ORIGIN, SCORM_LMS_PORT } from './support/urls';

const LESSON = lessonById('pizza')!;
type Edition = '1.2' | '2004';
const ZIPS: Record<Edition, URL> = {
  '1.2': new URL('../dist-e2e-scorm/statecraft-pizza.zip', import.meta.url),
  '2004': new URL('../dist-e2e-scorm/statecraft-pizza-scorm2004.zip', import.meta.url),
};
/** Where the LMS serves each package's files. */
const CONTENT: Record<Edition, string> = { '1.2': 'content/', '2004': 'content2004/' };
const LMS_PAGE = new URL('./fixtures/scorm-lms.html', import.meta.url);
const SCORM_AGAIN = (file: string) =>
  new URL(`../node_modules/scorm-again/dist/${file}`, import.meta.url);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

// One LMS server per file: both tests run in the same worker.
test.describe.configure({ mode: 'serial' });

let server: Server;
let packages: Record<Edition, Record<string, Uint8Array>>;

test.beforeAll(async () => {
  packages = {
    '1.2': unzipSync(readFileSync(ZIPS['1.2'])),
    '2004': unzipSync(readFileSync(ZIPS['2004'])),
  };
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', SCORM_LMS_ORIGIN).pathname;
    let body: Uint8Array | undefined;
    if (path === '/lms/') body = readFileSync(LMS_PAGE);
    else if (path === '/lms/scorm12.js' || path === '/lms/scorm2004.js') {
      body = readFileSync(SCORM_AGAIN(path.slice('/lms/'.length)));
    } else {
      for (const edition of ['1.2', '2004'] as const) {
        const dir = `/lms/${CONTENT[edition]}`;
        if (path.startsWith(dir)) body = packages[edition][path.slice(dir.length)];
      }
    }
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(SCORM_LMS_PORT, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The SCO's launch page, read from imsmanifest.xml as an LMS does at import. */
function launchHref(edition: Edition = '1.2'): string {
  const files = packages[edition];
  const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
  expect(manifest).toContain(
    edition === '1.2'
      ? '<schemaversion>1.2</schemaversion>'
      : '<schemaversion>2004 4th Edition</schemaversion>',
  );
  const href = /adlcp:scorm[tT]ype="sco" href="([^"]+)"/.exec(manifest)?.[1];
  expect(href).toBeTruthy();
  expect(files[href!], `${href} is in the zip`).toBeTruthy();
  return `${CONTENT[edition]}${href!}`;
}

async function launch(page: Page, cmi: unknown, edition: Edition = '1.2'): Promise<Frame> {
  await page.goto(`${SCORM_LMS_ORIGIN}/lms/`);
  await page.evaluate(
    ([href, data, ed]) =>
      (window as unknown as { launch: (h: string, c: unknown, e: string) => void }).launch(
        href,
        data,
        ed,
      ),
    [launchHref(edition), cmi, edition] as const,
  );
  await expect.poll(() => page.frames().length).toBe(2);
  const frame = page.frames()[1]!;
  await waitForHook(frame);
  return frame;
}

const lms = <T>(page: Page, expr: string): Promise<T> =>
  page.evaluate((e) => (0, eval)(e) as T, expr);

const TIMESPAN = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;

test('a package reports status, score, time and resume data to a SCORM 1.2 LMS, and resumes', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  // First session: three steps, then the learner leaves.
  const first = await browser.newContext();
  const page1 = await first.newPage();
  const health1 = watchPageHealth(page1);
  const frame1 = await launch(page1, null);
  await playSteps(frame1, LESSON, 0, 3);
  await expect(frame1.getByText(`Step 4 of ${LESSON.steps.length}`)).toBeVisible();
  // The step is set up (its start is where the lesson records the learner's place).
  await expect(frame1.locator('.lesson-card')).toHaveAttribute('aria-busy', 'false');
  await page1.evaluate(() => (window as unknown as { closeSco(): void }).closeSco());
  await expect.poll(() => lms<string[]>(page1, 'window.calls')).toContain('LMSFinish');
  const after1 = await lms<{ core: Record<string, string>; suspend_data: string }>(
    page1,
    'window.cmi()',
  );
  expect(after1.core.lesson_status).toBe('incomplete');
  expect(after1.core.lesson_location).toBe('4');
  expect(after1.core.exit).toBe('suspend');
  expect(after1.core.session_time).toMatch(TIMESPAN);
  expect(after1.suspend_data.length).toBeGreaterThan(0);
  expect(after1.suspend_data.length).toBeLessThanOrEqual(4096);
  expect(JSON.parse(after1.suspend_data)).toMatchObject({ v: 1, s: 3 });
  const saved = await lms<unknown>(page1, 'window.cmi()');
  expect(health1.consoleErrors).toEqual([]);
  await first.close();

  // Second session, in a fresh browser: the LMS's data alone brings the learner back.
  const second = await browser.newContext();
  const page2 = await second.newPage();
  const health2 = watchPageHealth(page2);
  const frame2 = await launch(page2, saved);
  await expect(frame2.getByRole('heading', { name: LESSON.steps[3]!.title })).toBeVisible();
  await playSteps(frame2, LESSON, 3, LESSON.steps.length);
  await expect(frame2.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();
  await page2.evaluate(() => (window as unknown as { closeSco(): void }).closeSco());
  await expect.poll(() => lms<string[]>(page2, 'window.calls')).toContain('LMSFinish');
  const after2 = await lms<{
    core: Record<string, string> & { score: Record<string, string> };
    suspend_data: string;
  }>(page2, 'window.cmi()');
  expect(after2.core.lesson_status).toBe('completed');
  expect(after2.core.score).toMatchObject({ raw: '100', min: '0', max: '100' });
  expect(after2.core.session_time).toMatch(TIMESPAN);
  expect(after2.core.exit).toBe('');
  expect(JSON.parse(after2.suspend_data)).toMatchObject({ v: 1, d: 1 });
  expect(health2.consoleErrors).toEqual([]);
  await second.close();
});

/** ISO 8601 duration, as SCORM 2004's cmi.session_time wants it. */
const DURATION = /^PT(\d+H)?(\d+M)?\d+(\.\d{1,2})?S$/;

test('a SCORM 2004 package reports completion, scaled score, time and resume data, and resumes', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  type Cmi2004 = { [k: string]: string } & {
    score: Record<string, string>;
    suspend_data: string;
    session_time: string;
    success_status: string;
  };
  const first = await browser.newContext();
  const page1 = await first.newPage();
  const health1 = watchPageHealth(page1);
  const frame1 = await launch(page1, null, '2004');
  await playSteps(frame1, LESSON, 0, 3);
  await expect(frame1.getByText(`Step 4 of ${LESSON.steps.length}`)).toBeVisible();
  // The step is set up (its start is where the lesson records the learner's place).
  await expect(frame1.locator('.lesson-card')).toHaveAttribute('aria-busy', 'false');
  await page1.evaluate(() => (window as unknown as { closeSco(): void }).closeSco());
  await expect.poll(() => lms<string[]>(page1, 'window.calls')).toContain('Terminate');
  const after1 = await lms<Cmi2004>(page1, 'window.cmi()');
  expect(after1).toMatchObject({ completion_status: 'incomplete', location: '4', exit: 'suspend' });
  expect(after1.session_time).toMatch(DURATION);
  expect(JSON.parse(after1.suspend_data)).toMatchObject({ v: 1, s: 3 });
  expect(health1.consoleErrors).toEqual([]);
  await first.close();

  const second = await browser.newContext();
  const page2 = await second.newPage();
  const health2 = watchPageHealth(page2);
  const frame2 = await launch(page2, after1, '2004');
  await expect(frame2.getByRole('heading', { name: LESSON.steps[3]!.title })).toBeVisible();
  await playSteps(frame2, LESSON, 3, LESSON.steps.length);
  await expect(frame2.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();
  await page2.evaluate(() => (window as unknown as { closeSco(): void }).closeSco());
  await expect.poll(() => lms<string[]>(page2, 'window.calls')).toContain('Terminate');
  const after2 = await lms<Cmi2004>(page2, 'window.cmi()');
  expect(after2).toMatchObject({ completion_status: 'completed', exit: 'normal' });
  // No mastery score in this package: success is not judged.
  expect(after2.success_status).toBe('unknown');
  expect(after2.score).toMatchObject({ scaled: '1', raw: '100', min: '0', max: '100' });
  expect(after2.session_time).toMatch(DURATION);
  expect(JSON.parse(after2.suspend_data)).toMatchObject({ v: 1, d: 1 });
  expect(health2.consoleErrors).toEqual([]);
  await second.close();
});

test('a package opens and works without an LMS', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto(`${SCORM_LMS_ORIGIN}/lms/${launchHref()}`);
  await expect(page.getByRole('heading', { name: LESSON.steps[0]!.title })).toBeVisible();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByText(`Step 2 of ${LESSON.steps.length}`)).toBeVisible();
  expect(health.consoleErrors).toEqual([]);
});
