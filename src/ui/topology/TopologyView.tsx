/**
 * The topology of the running system: users → load balancer → servers → session store and
 * database, as a React Flow graph of custom nodes, with one canvas of request dots on top.
 * Reads everything from the simulation context; fills its container.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type JSX, type RefObject } from 'react';
import {
  Controls,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import './topology.css';
import { useSim, useSimSession } from '../SimContext.tsx';
import type { SimStoreState } from '../../store/simStore.ts';
import {
  buildEdges,
  buildNodes,
  edgesKey,
  namedShown,
  reuseNodes,
  type Inspected,
  type TopologyNode,
} from './graph.ts';
import { computeLayout, FIT_PAD_PX } from './layout.ts';
import { isChatOnly } from './words.ts';
import { destroyedSessions, type Loss } from './chipLoss.ts';
import { smoothLoad, stopCauses, type LoadAverage, type StopCause } from './serverHistory.ts';
import type { Snapshot } from '../../protocol/snapshot.ts';
import { UsersNode } from './UsersNode.tsx';
import { LbNode } from './LbNode.tsx';
import { ServerNode } from './ServerNode.tsx';
import { StoreNode } from './StoreNode.tsx';
import { DbNode } from './DbNode.tsx';
import { DotLayer } from './DotLayer.tsx';
import { CaptionBar } from './CaptionBar.tsx';
import { Legend } from './Legend.tsx';
import { TopologyUiContext, type TopologyUi } from './topologyUi.ts';

const nodeTypes: NodeTypes = {
  users: UsersNode,
  lb: LbNode,
  server: ServerNode,
  store: StoreNode,
  db: DbNode,
};

/** Fit with room for the zoom buttons and legend along the top (flow stays under them). */
const FIT = {
  padding: {
    top: `${FIT_PAD_PX.top}px`,
    bottom: `${FIT_PAD_PX.bottom}px`,
    left: `${FIT_PAD_PX.left}px`,
    right: `${FIT_PAD_PX.right}px`,
  },
} as const;

/** Numbers destructions across the page, so a remounted view never reuses one. */
let lossSerial = 0;

const selectSnapshot = (s: SimStoreState) => s.snapshot;
const selectFollow = (s: SimStoreState) => s.followUser;
const selectVocab = (s: SimStoreState) => s.vocabulary;
const selectPlaying = (s: SimStoreState) => s.playing;

/** Container size, rounded so that small jitters do not re-lay the graph out. */
function useContainerSize(ref: RefObject<HTMLDivElement | null>): { w: number; h: number } {
  const [size, setSize] = useState({ w: 0, h: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => {
      const r = el.getBoundingClientRect();
      const w = Math.round(r.width / 8) * 8;
      const h = Math.round(r.height / 8) * 8;
      setSize((s) => (s.w === w && s.h === h ? s : { w, h }));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

function TopologyGraph() {
  const snapshot = useSim(selectSnapshot);
  const follow = useSim(selectFollow);
  const vocab = useSim(selectVocab);
  const playing = useSim(selectPlaying);
  const rootRef = useRef<HTMLDivElement>(null);
  const size = useContainerSize(rootRef);
  const { fitView } = useReactFlow();
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const [tipLayer, setTipLayer] = useState<HTMLDivElement | null>(null);

  // Crashes that destroyed sessions, from the frame events (not from snapshot diffs: a jump
  // back in time empties boxes too, and destroys nothing).
  const session = useSimSession();
  const [losses, setLosses] = useState<Readonly<Record<string, Loss>>>({});
  const [stops, setStops] = useState<ReadonlyMap<number, StopCause>>(() => new Map());
  useEffect(() => {
    const off = session.onFrame((frame) => {
      const causes = stopCauses(frame.events);
      if (causes.size > 0) setStops((cur) => new Map([...cur, ...causes]));
      const found = destroyedSessions(frame.events);
      if (found.length === 0) return;
      setLosses((cur) => {
        const next = { ...cur };
        for (const d of found) next[d.nodeId] = { count: d.count, serial: ++lossSerial };
        return next;
      });
    });
    return () => {
      off();
    };
  }, [session]);

  const ui = useMemo<TopologyUi>(
    () => ({
      toggleInspect: (target) =>
        setInspected((cur) =>
          cur && cur.nodeId === target.nodeId && cur.userIdx === target.userIdx ? null : target,
        ),
      tipLayer,
    }),
    [tipLayer],
  );
  const closeInspect = useCallback(() => setInspected(null), []);

  // Layout depends only on which boxes exist (and the container's shape), not on load.
  const serverKey = snapshot ? snapshot.servers.map((s) => s.id).join(',') : '';
  const storePresent = snapshot?.store.present ?? false;
  // A run of chat apps alone keeps no sessions: its servers need no room for chips.
  const serverChips = snapshot?.architecture === 'in-memory' && !isChatOnly(snapshot);
  const named = snapshot ? namedShown(snapshot) : 0;
  const uploads = !!snapshot?.outcome.uploads;
  const layout = useMemo(
    () =>
      computeLayout({
        serverIds: serverKey ? serverKey.split(',').map(Number) : [],
        storePresent,
        serverChips,
        namedShown: named,
        uploads,
        viewport: size,
      }),
    [serverKey, storePresent, serverChips, named, uploads, size],
  );

  // Nodes keep their previous object when nothing they show changed (see graph.ts).
  const [cache] = useState(() => ({
    nodes: [] as TopologyNode[],
    edges: [] as Edge[],
    key: '',
    load: null as LoadAverage | null,
    loadOf: null as Snapshot | null,
  }));
  const nodes = useMemo(() => {
    if (!snapshot) return [];
    // The load average moves once per snapshot, not per re-render.
    if (cache.loadOf !== snapshot) {
      cache.load = smoothLoad(cache.load, snapshot);
      cache.loadOf = snapshot;
    }
    const next = reuseNodes(
      cache.nodes,
      buildNodes({ snapshot, layout, follow, inspected, losses, load: cache.load, stops }),
    );
    cache.nodes = next;
    return next;
  }, [cache, snapshot, layout, follow, inspected, losses, stops]);
  const edges = useMemo(() => {
    if (!snapshot) return [];
    const next = buildEdges(snapshot, layout);
    const key = edgesKey(next);
    if (key !== cache.key) {
      cache.key = key;
      cache.edges = next;
    }
    return cache.edges;
  }, [cache, snapshot, layout]);

  // Refit when boxes appear or disappear or the container changes size.
  const hasNodes = nodes.length > 0;
  useEffect(() => {
    if (!hasNodes) return;
    const raf = requestAnimationFrame(() => void fitView(FIT));
    return () => cancelAnimationFrame(raf);
  }, [fitView, layout, hasNodes]);

  return (
    <div className="topo-root" ref={rootRef} data-playing={playing}>
      {snapshot ? (
        <TopologyUiContext.Provider value={ui}>
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            fitView
            fitViewOptions={FIT}
            minZoom={0.2}
            maxZoom={1.75}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            elementsSelectable={false}
            zoomOnScroll={false}
            zoomOnDoubleClick={false}
            panOnScroll={false}
            preventScrolling={false}
            aria-label="System topology"
          >
            <DotLayer layout={layout} />
            <Controls
              showInteractive={false}
              position="top-left"
              orientation="horizontal"
              fitViewOptions={FIT}
              className="topo-controls"
            />
            <Panel position="top-right" className="topo-panel topo-panel-legend">
              <Legend />
            </Panel>
            <Panel position="bottom-left" className="topo-panel topo-panel-captions">
              <CaptionBar
                snapshot={snapshot}
                follow={follow}
                inspected={inspected}
                vocab={vocab}
                onCloseInspect={closeInspect}
              />
            </Panel>
          </ReactFlow>
          <div className="topo-tip-layer" ref={setTipLayer} />
        </TopologyUiContext.Provider>
      ) : (
        <p className="topo-waiting">Starting the simulation…</p>
      )}
    </div>
  );
}

export function TopologyView(): JSX.Element {
  return (
    <ReactFlowProvider>
      <TopologyGraph />
    </ReactFlowProvider>
  );
}
