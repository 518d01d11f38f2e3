/**
 * Shapes shared by the real-stack generators: the files the lab writes and runs, with the
 * one-line explanations the app shows beside them.
 */

/** One setting worth explaining: `match` is a piece of text that occurs in the file. */
export interface RealNote {
  match: string;
  explanation: string;
}

export interface RealFile {
  /** File name the lab writes it under (also the tab label in the app). */
  name: string;
  language: 'haproxy' | 'redis' | 'javascript';
  /** What the file is for, in one sentence. */
  purpose: string;
  text: string;
  notes: RealNote[];
}

/** Where the lab's components listen. Addresses are always on 127.0.0.0/8. */
export interface LabPorts {
  /** HAProxy's front end, where the users connect. */
  frontend: number;
  /** One port per server slot (servers present at the start plus every `add-server`). */
  servers: number[];
  redis: number;
  /** HAProxy's runtime API (stats socket), a Unix socket path. */
  statsSocket: string;
  /** Directory Redis may write to (its working directory). */
  redisDir: string;
}

/** Ports shown in the app, where no lab is running: the usual ones for each program. */
export function examplePorts(slots: number): LabPorts {
  return {
    frontend: 8080,
    servers: Array.from({ length: slots }, (_, i) => 8081 + i),
    redis: 6379,
    statsSocket: '/run/haproxy/admin.sock',
    redisDir: '/var/lib/redis',
  };
}
