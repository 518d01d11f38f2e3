/**
 * Names and formats the numbers lessons talk about (outcome metrics by path, as in a claim),
 * in the lesson's vocabulary: "sessions.lost" is "order notes lost" in the pizza shop. The
 * player uses them to show the learner's own figures beside the typical ones, and the lesson
 * counters to show every figure a step quotes.
 */
import { extraWords, type Vocabulary } from '../store/vocabulary.ts';

const cap = (s: string): string => (s ? `${s[0]!.toUpperCase()}${s.slice(1)}` : s);

const FAIL_REASON_WORDS: Record<string, string> = {
  'server-down': 'failed: server down',
  'session-lost': 'failed: session lost',
  'store-unavailable': 'failed: store unavailable',
  overloaded: 'failed: overloaded',
};

/** A short label for a metric path, in the skin's words; the path itself if unknown. */
export function metricLabel(path: string, v: Vocabulary): string {
  const parts = path.split('.');
  const [head, a, b] = parts;
  switch (head) {
    case 'simulatedS':
      return 'Simulated time';
    case 'sessions':
      if (a === 'lost') return `${cap(v.sessions)} lost`;
      if (a === 'active') return `${cap(v.sessions)} active`;
      break;
    case 'cart':
      if (a === 'itemsLost') return `${cap(extraWords(v).cartItems)} lost`;
      break;
    case 'checkouts':
      if (a === 'completed') return 'Checkouts completed';
      break;
    case 'staleReads':
      return 'Stale reads';
    case 'retriedConnections':
      return `Requests retried on another ${v.server}`;
    case 'latencyMs':
      if (a === 'mean') return 'Mean latency';
      break;
    case 'bytesPerRequest':
      if (a === 'mean') return 'Bytes / request';
      if (a === 'credential') return 'Credential bytes / request';
      break;
    case 'loadImbalance':
      return 'Load imbalance (busiest ÷ mean)';
    case 'requests':
      if (a === 'failed') return 'Requests failed';
      if (a === 'ok') return 'Requests ok';
      break;
    case 'failedByReason':
      if (a) {
        const words = FAIL_REASON_WORDS[a] ?? `failed: ${a}`;
        return cap(words.replace('server', v.server).replace('store', v.store));
      }
      break;
    case 'servers': {
      if (a === 'length') return `${cap(v.servers)} in the run`;
      const n = Number(a) + 1;
      if (b === 'requests') return `Requests to ${v.server} ${n}`;
      if (b === 'sessions') return `${cap(v.sessions)} on ${v.server} ${n}`;
      if (b === 'utilization') return `${cap(v.server)} ${n} load`;
      break;
    }
    case 'chat': {
      const CHAT_WORDS: Record<string, string> = {
        'connections.open': 'Connections open',
        'connections.halfOpen': 'Dead, not noticed yet',
        'reconnects.total': 'Reconnects',
        'reconnects.maxReconnectS': 'Longest reconnect',
        'reconnects.noticedBySend': 'Noticed by a send',
        'reconnects.noticedByHeartbeat': 'Noticed by the heartbeat',
        'messages.delivered': 'Messages delivered',
        'messages.queued': 'Waiting in a queue',
        'messages.everQueued': 'Messages that had to wait',
        'messages.lost': 'Messages lost',
        'deliveryMs.mean': 'Mean delivery time',
        'requests.perS': 'Requests to servers / s',
        'requests.emptyPolls': 'Polls with nothing new',
      };
      const words = CHAT_WORDS[parts.slice(1).join('.')];
      if (words) return words;
      if (a === 'connections' && b === 'perServer' && parts[4] === 'connections') {
        return `Connections on ${v.server} ${Number(parts[3]) + 1}`;
      }
      break;
    }
    case 'uploads': {
      const UPLOAD_WORDS: Record<string, string> = {
        'videos.uploaded': 'Videos uploaded',
        'videos.lost': 'Videos lost',
        'videos.refused': 'Videos refused (store full)',
        'videos.inStore': `Videos in the ${v.store}`,
        'videos.inObjectStorage': 'Videos in object storage',
        'videos.onServerDisks': `Videos on ${v.server} disks`,
        'reads.notFound': 'Checks that found no video',
        'reads.notFoundShare': 'Share of checks that found no video',
        'reads.failed': 'Checks without an answer',
        'conversions.done': 'Conversions done',
        'conversions.waiting': 'Conversions waiting',
        'conversions.lost': 'Conversions lost',
        'ready.videos': 'Videos seen ready',
        'ready.meanS': 'Mean time to a ready video',
        'store.usedMB': `${cap(v.store)} memory used`,
        'store.limitMB': `${cap(v.store)} memory limit`,
        'store.sessionsEvicted': `${cap(v.sessions)} evicted for videos`,
      };
      const words = UPLOAD_WORDS[parts.slice(1).join('.')];
      if (words) return words;
      break;
    }
    case 'rehomed': {
      const n = Number(a) + 1;
      if (b === 'fraction') return `Re-homed at change ${n}`;
      if (b === 'atS') return `Time of change ${n}`;
      if (b === 'from') return `${cap(v.servers)} before change ${n}`;
      if (b === 'to') return `${cap(v.servers)} after change ${n}`;
      break;
    }
  }
  return path;
}

/** The value as the counters print it (percentages for fractions, units where they help). */
export function formatMetric(path: string, value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (path === 'simulatedS' || path.endsWith('.atS')) return `${value.toFixed(1)} s`;
  if (path.startsWith('latencyMs.')) return `${value.toFixed(1)} ms`;
  if (path.endsWith('.fraction') || path.endsWith('.utilization')) {
    return `${Math.round(value * 100)} %`;
  }
  if (path === 'chat.reconnects.maxReconnectS') return `${value.toFixed(1)} s`;
  if (path.startsWith('chat.deliveryMs.')) {
    return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
  }
  if (path === 'chat.requests.perS') return value.toFixed(1);
  if (path === 'uploads.reads.notFoundShare') return `${Math.round(value * 100)} %`;
  if (path.startsWith('uploads.ready.') && path.endsWith('S')) return `${value.toFixed(1)} s`;
  if (path.startsWith('uploads.store.') && path.endsWith('MB')) return `${Math.round(value)} MB`;
  if (path === 'loadImbalance') return value.toFixed(2);
  if (path.startsWith('bytesPerRequest.')) return `${Math.round(value)} B`;
  return String(Math.round(value * 1000) / 1000);
}
