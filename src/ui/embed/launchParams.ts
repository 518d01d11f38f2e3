/**
 * Launch options baked into a page rather than its URL: a course package's launch file
 * (scorm-<lesson>.html, written by scripts/packageScorm.ts) carries
 * `<meta name="statecraft-launch" content="lesson=…&embed=1&scorm=1">`, because LMSs differ
 * in whether they keep a query string on the launch address. Parameters in the address, when
 * present, win over the baked-in ones.
 */
export function launchSearch(doc: Document, search: string): string {
  const meta = doc.querySelector('meta[name="statecraft-launch"]');
  const baked = meta?.getAttribute('content') ?? '';
  if (!baked) return search;
  const merged = new URLSearchParams(baked.slice(0, 1024));
  for (const [k, v] of new URLSearchParams(search)) merged.set(k, v);
  return `?${merged.toString()}`;
}
