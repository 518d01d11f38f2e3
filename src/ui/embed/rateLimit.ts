/**
 * A token bucket for the commands a course page sends: a burst of `burst` commands is taken
 * at once, then `perSecond` more each second. A page that floods the frame (a loop posting
 * go-to-step) is refused beyond that, so the learner's run and the page stay responsive.
 */
export interface RateLimit {
  /** True when a command may be taken now (and counts it). */
  take(): boolean;
}

export const HOST_COMMAND_BURST = 40;
export const HOST_COMMANDS_PER_SECOND = 20;

export function createRateLimit(
  burst = HOST_COMMAND_BURST,
  perSecond = HOST_COMMANDS_PER_SECOND,
  now: () => number = () => performance.now(),
): RateLimit {
  let tokens = burst;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
