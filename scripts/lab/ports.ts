/**
 * Free ports on 127.0.0.1 in the lab's range (20000–29999). A port is probed by listening on
 * it; one in use is skipped. The number of attempts is bounded.
 */
import net from 'node:net';

export const PORT_RANGE = { min: 20000, max: 29999 } as const;

function probe(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

const taken = new Set<number>();

/** `count` distinct free ports, starting from a random point in the range. */
export async function freePorts(
  count: number,
  random: () => number = Math.random,
): Promise<number[]> {
  const span = PORT_RANGE.max - PORT_RANGE.min + 1;
  const out: number[] = [];
  let candidate = PORT_RANGE.min + Math.floor(random() * span);
  for (let attempt = 0; attempt < 2000 && out.length < count; attempt++) {
    candidate = PORT_RANGE.min + ((candidate - PORT_RANGE.min + 1) % span);
    if (taken.has(candidate)) continue;
    if (await probe(candidate)) {
      taken.add(candidate);
      out.push(candidate);
    }
  }
  if (out.length < count) throw new Error(`no ${count} free ports between 20000 and 29999`);
  return out;
}
