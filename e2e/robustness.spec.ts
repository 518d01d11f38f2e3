// Robustness and security in the real browser: the built page's Content-Security-Policy and
// the fixture that fails every spec on a violation; a worker that dies mid-run (the app says
// so and carries on in-thread at the same place); scenario files whose text is markup or
// whose numbers are huge.
import { expect, test, type Page } from '@playwright/test';
import { CSP_VIOLATION, watchPageHealth } from './support/page-health';
import { act, advance, snapshot, waitForSim, waitForSnapshot } from './support/sim-hook';

const cspOf = (html: string): string =>
  /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';

function directive(csp: string, name: string): string[] {
  const d = csp
    .split(';')
    .map((x) => x.trim().split(/\s+/))
    .find(([n]) => n === name);
  return d ? d.slice(1) : [];
}

test('the built page has a strict Content-Security-Policy and no inline script', async ({
  request,
}) => {
  const html = await (await request.get('/')).text();
  const csp = cspOf(html);
  expect(csp).not.toBe('');
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toContain('unsafe-inline');
  expect(directive(csp, 'script-src')).toEqual(["'self'"]);
  expect(directive(csp, 'worker-src')).toEqual(["'self'"]);
  expect(directive(csp, 'style-src')).toEqual(["'self'"]);
  expect(directive(csp, 'object-src')).toEqual(["'none'"]);
  // Every <script> loads a file; none carries code in the page.
  for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
    expect(tag).toMatch(/\ssrc="\.\/assets\/[^"]+\.js"/);
    expect(
      tag
        .replace(/<script\b[^>]*>/, '')
        .replace('</script>', '')
        .trim(),
    ).toBe('');
  }
});

test('eval and inline script are blocked, and the page-health fixture reports it', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  await page.goto('/?preset=playground');
  await waitForSim(page);
  expect(health.consoleErrors).toEqual([]);
  // Code typed into DevTools (and so page.evaluate) is exempt from CSP; a string timer is
  // compiled later by the page itself, like any eval in the app would be.
  // Chromium does not always attribute a string timer queued from the test's evaluate to the
  // page, so queue one on every poll until the page reports the block.
  await expect
    .poll(async () => {
      await page.evaluate(() => {
        setTimeout('window.__evalRan = true', 0);
      });
      return health.consoleErrors.filter((e) => e.includes(CSP_VIOLATION)).length;
    })
    .toBeGreaterThan(0);
  expect(health.consoleErrors.join('\n')).toMatch(/blocked eval|unsafe-eval/);
  expect(await page.evaluate(() => (window as { __evalRan?: boolean }).__evalRan)).toBeUndefined();
  health.consoleErrors.length = 0;
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
  });
  await expect
    .poll(() => health.consoleErrors.filter((e) => e.includes(CSP_VIOLATION)).length)
    .toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as { __inlineRan?: boolean }).__inlineRan)).toBe(
    undefined,
  );
  expect(health.consoleErrors.join('\n')).toMatch(/script-src/);
});

async function crashWorker(page: Page): Promise<void> {
  await page.evaluate(() => window.__statecraftTest!.crashWorker());
}

const clientKind = (page: Page) => page.evaluate(() => window.__statecraftTest!.clientKind());

test('when the worker dies, the app says so and carries on in-thread at the same place', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  await page.goto('/?preset=sticky-crash&seed=3');
  await waitForSim(page);
  await advance(page, 6000);
  await act(page, { action: 'kill-server', server: 2 });
  await act(page, { action: 'add-server', count: 1 });
  const before = await advance(page, 3000);
  expect(await clientKind(page)).toBe('worker');
  expect(before.liveCommands.length).toBe(2);

  await crashWorker(page);
  await expect(
    page.getByRole('status').filter({ hasText: 'moved to the main thread' }),
  ).toBeVisible();
  await expect(page.getByText('The simulation worker crashed.')).toBeVisible();
  await expect.poll(() => clientKind(page)).toBe('in-thread');
  await expect(page.getByTestId('engine-status')).toContainText('engine: in-thread');
  const after = await waitForSnapshot(
    page,
    (s) => s.tMs === before.tMs && s.liveCommands.length === before.liveCommands.length,
    'the run restored in-thread',
  );
  expect(after.liveCommands).toEqual(before.liveCommands);
  // Replaying the command log reproduces the run exactly, not approximately.
  expect(after.outcome.eventLogHash).toBe(before.outcome.eventLogHash);
  expect(after.outcome.requests).toEqual(before.outcome.requests);
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // And it keeps working: commands and time go on.
  await act(page, { action: 'restart-server', server: 2 });
  const later = await advance(page, 2000);
  expect(later.tMs).toBe(before.tMs + 2000);
  expect(later.liveCommands.length).toBe(3);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => (await snapshot(page)).tMs).toBeGreaterThan(later.tMs);
  expect(health.consoleErrors).toEqual([]);
});

test('a worker crash in a lesson keeps the learner on the same step', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/?lesson=pizza&step=3');
  await expect(page.locator('.lesson-card')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByText(/Step 3 of/)).toBeVisible();
  const before = await advance(page, 2000);
  await crashWorker(page);
  await expect.poll(() => clientKind(page)).toBe('in-thread');
  await expect(page.getByText(/moved to the main thread/)).toBeVisible();
  await waitForSnapshot(page, (s) => s.tMs === before.tMs, 'the lesson run restored');
  await expect(page.getByText(/Step 3 of/)).toBeVisible();
  await expect(page).toHaveURL(/step=3/);
  expect((await advance(page, 1000)).tMs).toBe(before.tMs + 1000);
  expect(health.consoleErrors).toEqual([]);
});

test('a scenario whose name is markup is shown as text, never run', async ({ page }) => {
  const health = watchPageHealth(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto('/?preset=playground');
  await waitForSim(page);
  const name = '<img src=x onerror="window.__pwned=1"><b>Bold</b>';
  await page.getByLabel('Scenario file to import').setInputFiles({
    name: 'evil<i>name.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ version: 1, name, users: { count: 20 } })),
  });
  const message = page.locator('.scenario-file [role="status"]');
  await expect(message).toHaveText(`Loaded “${name}” from evil<i>name.json.`);
  await expect(page.locator('.scenario-file img, .scenario-file b, .scenario-file i')).toHaveCount(
    0,
  );
  await waitForSnapshot(page, (s) => s.name === name, 'the imported scenario');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
  expect(health.consoleErrors).toEqual([]);
});

test('hostile numbers in a scenario file are refused with the field named', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/?preset=playground');
  await waitForSim(page);
  const before = await advance(page, 1000);
  const files: [unknown, string][] = [
    [{ version: 1, users: { count: 1e12 } }, 'users.count'],
    [{ version: 1, servers: { count: 1e9, workers: 1e9 } }, 'servers.count'],
    [{ version: 1, durationS: 1e300 }, 'durationS'],
    [{ version: 1, users: { thinkTimeS: 0.001 } }, 'users.thinkTimeS'],
  ];
  for (const [content, field] of files) {
    await page.getByLabel('Scenario file to import').setInputFiles({
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(content)),
    });
    await expect(page.getByRole('alert')).toContainText(field);
  }
  const still = await advance(page, 0);
  expect(still.name).toBe(before.name);
  expect(still.tMs).toBe(before.tMs);
  expect(health.consoleErrors).toEqual([]);
});

test('the heaviest scenario the gate accepts runs a few simulated seconds', async ({ page }) => {
  test.setTimeout(120_000);
  const health = watchPageHealth(page);
  await page.goto('/?preset=playground');
  await waitForSim(page);
  const heaviest = {
    version: 1,
    name: 'heaviest',
    durationS: 3600,
    architecture: 'session-store',
    store: { replicas: 5, ttlS: 1 },
    loadBalancer: { sticky: 'consistent-hash', healthCheckS: 0.1, virtualNodes: 1000 },
    servers: { count: 64, workers: 64, serviceTimeMs: 0.01, queueLimit: 10_000 },
    users: { count: 50_000, thinkTimeS: 0.5 },
    network: { clientLatencyMs: 0, lbLatencyMs: 0 },
  };
  await page.getByLabel('Scenario file to import').setInputFiles({
    name: 'heaviest.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(heaviest)),
  });
  await waitForSnapshot(page, (s) => s.name === 'heaviest', 'the heaviest scenario');
  const t0 = Date.now();
  const snap = await page.evaluate(async () => {
    await window.__statecraftTest!.pause();
    return window.__statecraftTest!.advance(3000);
  });
  const wallMs = Date.now() - t0;
  expect(snap.outcome.requests.total).toBeGreaterThan(10_000);
  // About 1–3 s here; a hang would be minutes. The page stayed responsive meanwhile (worker).
  expect(wallMs).toBeLessThan(60_000);
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeEnabled();
  expect(health.consoleErrors).toEqual([]);
});

// A worker can also fail silently: spin for ever, or close itself. Its missing pulse gives it
// away (src/client/workerClient.ts); the run carries on in-thread from the same place, and a
// run that was playing keeps playing.
for (const fault of ['hangWorker', 'closeWorker'] as const) {
  test(`a worker that goes quiet (${fault}) is noticed, and the run keeps playing in-thread`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const health = watchPageHealth(page);
    await page.goto('/?preset=sticky-crash&seed=3');
    await waitForSim(page);
    await act(page, { action: 'kill-server', server: 2 });
    const before = await advance(page, 4000);
    await page.evaluate(() => window.__statecraftTest!.play(1));
    expect(await clientKind(page)).toBe('worker');
    await page.evaluate((f) => window.__statecraftTest![f](), fault);
    await expect(
      page.getByRole('status').filter({ hasText: 'moved to the main thread' }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/stopped answering/)).toBeVisible();
    await expect.poll(() => clientKind(page)).toBe('in-thread');
    const restored = await waitForSnapshot(
      page,
      (s) => s.tMs >= before.tMs && s.liveCommands.length === 1,
      'the run restored in-thread',
    );
    expect(restored.liveCommands).toEqual(before.liveCommands);
    // Still playing: simulated time goes on without pressing Play.
    await expect.poll(async () => (await snapshot(page)).tMs).toBeGreaterThan(restored.tMs);
    expect(health.consoleErrors).toEqual([]);
  });
}
