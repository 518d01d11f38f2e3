/**
 * The one host facility the core uses: deep copy for checkpoints. Present in every runtime
 * the core runs in (Node 17+, browsers, Web Workers), but not part of the ES library types.
 */
declare function structuredClone<T>(value: T): T;
