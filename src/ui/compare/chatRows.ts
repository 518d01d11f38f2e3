/**
 * Compare-table rows for chat runs (see src/sim/chat): what became of the messages when a
 * server died, per architecture. Lower is better, as for every row of the table.
 */
import { formatCount } from '../panels/format.ts';
import type { Measure } from './outcomeRows.ts';

export const CHAT_MEASURES: Measure[] = [
  {
    key: 'chat-lost',
    label: 'Chat messages lost',
    value: (o) => o.chat?.messages.lost ?? 0,
    format: formatCount,
    why(panes, values) {
      if (values.every((v) => v === 0)) {
        return 'None lost yet: kill a chat server while its apps are being written to.';
      }
      const queued = panes.some((p) => p.outcome.chat?.state === 'shared-store');
      return `With presence only in server memory, fire-and-forget pub/sub drops every message for an app that is between connections${queued ? '; with a queue per user in the store those messages wait and arrive after the reconnect' : ''}.`;
    },
  },
  {
    key: 'chat-unaware',
    label: 'Chat apps on a dead server, unaware',
    value: (o) => o.chat?.connections.halfOpen ?? 0,
    format: formatCount,
    why(_panes, values) {
      if (values.every((v) => v === 0)) return 'Every app that lost its server has noticed.';
      return 'A crashed machine closes nothing: its apps find out on a send that is not acknowledged or a missed heartbeat, whatever the architecture.';
    },
  },
];
