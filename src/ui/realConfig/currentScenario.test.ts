import { describe, expect, it } from 'vitest';
import { presetScenario } from '../../sim/index.ts';
import { realStackFiles } from '../../realStack/index.ts';
import { currentScenario } from './currentScenario.ts';

describe('currentScenario', () => {
  it('an unchanged preset is run by name', () => {
    const r = currentScenario(presetScenario('sticky-crash'), {
      architecture: 'in-memory',
      algorithm: 'round-robin',
      sticky: 'cookie',
    });
    expect(r.labCommand).toBe('npm run lab -- sticky-crash');
    expect(r.scenario.timeline).toHaveLength(1);
  });

  it('live settings override the loaded scenario, and the files follow them', () => {
    const r = currentScenario(presetScenario('sticky-crash'), {
      architecture: 'session-store',
      algorithm: 'least-connections',
      sticky: 'consistent-hash',
    });
    expect(r.labCommand).toContain('my-scenario.json');
    const [haproxy, app, redis] = realStackFiles(r.scenario);
    expect(haproxy!.text).toContain('hash-type consistent');
    expect(app!.text).toContain('GETEX');
    expect(redis!.name).toBe('redis.conf');
  });

  it('with nothing loaded yet, shows the default scenario', () => {
    expect(currentScenario(null, null).scenario.architecture).toBe('in-memory');
  });
});
