/**
 * What each host-API command does in this page (docs/embedding.md, "Host API"): play and
 * pause the run, open a lesson step, read and restore the playground's run as a share-link
 * payload, and read a lesson's score. A command that does not apply to the mode on screen is
 * refused with `not-available` rather than silently ignored.
 */
import { perform } from '../../app/commands.ts';
import type { SimSession } from '../../store/simStore.ts';
import { pageHost } from '../pageHost.ts';
import { currentRun, runLink } from '../share/runLink.ts';
import { decodeRun } from '../share/shareLink.ts';
import type { UrlOptions } from '../urlOptions.ts';
import type { HostReply } from './embedBridge.ts';
import type { HostCommand } from './hostCommands.ts';

const unavailable = (message: string): HostReply => ({
  type: 'error',
  error: 'not-available',
  message,
});

export function hostHandler(session: SimSession, options: UrlOptions) {
  const inPlayground = options.mode === 'playground';
  return async (cmd: HostCommand): Promise<HostReply> => {
    switch (cmd.type) {
      case 'play':
      case 'pause': {
        // Registry commands on the page's run (the comparison's, in Compare mode), like a
        // button or a key.
        const host = pageHost();
        if (!host) return unavailable('The run has not started yet.');
        await perform(cmd.type, host);
        return { type: 'ok' };
      }
      case 'go-to-step': {
        if (options.mode !== 'lessons' || !options.lesson) {
          return unavailable('go-to-step works in an embedded lesson only.');
        }
        const host = pageHost();
        if (!host) return unavailable('The lesson has not opened yet.');
        await perform('go-to-step', host, { step: cmd.step });
        return { type: 'ok' };
      }
      case 'get-state': {
        if (!inPlayground) return unavailable('get-state works in the playground only.');
        const run = currentRun(session.store.getState());
        if (!run) return unavailable('The run has not started yet.');
        const link = await runLink(run, window.location.href);
        if (!link.ok) return unavailable(link.reason);
        return { type: 'state', state: new URL(link.url).hash, atMs: link.atMs };
      }
      case 'set-state': {
        if (!inPlayground) return unavailable('set-state works in the playground only.');
        const fragment = cmd.state.startsWith('#') ? cmd.state : `#${cmd.state}`;
        const decoded = await decodeRun(fragment);
        if (!decoded.ok) return { type: 'error', error: 'bad-state', message: decoded.error };
        const { run } = decoded;
        session.store.getState().load(run.scenario, {
          commands: run.commands,
          atMs: run.atMs,
          playing: false,
          speed: run.speed,
        });
        return { type: 'ok' };
      }
      case 'get-score': {
        if (options.mode !== 'lessons' || !options.lesson) {
          return unavailable('get-score works in an embedded lesson only.');
        }
        const [{ lessonById }, { lessonScore, skippedSteps }, { loadProgress, emptyProgress }] =
          await Promise.all([
            import('../../lessons/catalog.ts'),
            import('../../lessons/score.ts'),
            import('../lessons/progress.ts'),
          ]);
        const lesson = lessonById(options.lesson);
        if (!lesson) return unavailable(`There is no lesson "${options.lesson}".`);
        const p = loadProgress()[lesson.id] ?? emptyProgress();
        const skipped = skippedSteps(lesson, p);
        return {
          type: 'score',
          lesson: lesson.id,
          score: lessonScore(lesson, p),
          skipped,
          completed: p.completed && skipped.length === 0,
        };
      }
    }
  };
}
