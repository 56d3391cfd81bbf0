/**
 * The pipeline as a graph: warehouses and stages as nodes, freight flowing along edges as the
 * stages request it (`requestedFreight`: straight from a warehouse, or from upstream stages).
 * Laid out in layers, left to right, for the Mermaid job summary and the dashboard's SVG.
 */
import type { Project } from '../pipeline/index.js';

export interface GraphNode {
  /** `warehouse:<name>` or `stage:<name>`: unique, stable across runs. */
  id: string;
  kind: 'warehouse' | 'stage';
  name: string;
  /** Column, from 0 (warehouses) rightwards: one more than the deepest upstream node. */
  layer: number;
  /** Row within the column, from 0. */
  order: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** The warehouses whose freight flows along this edge. */
  warehouses: string[];
}

export interface PipelineGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Number of columns. */
  layers: number;
}

export const warehouseNode = (name: string) => `warehouse:${name}`;
export const stageNode = (name: string) => `stage:${name}`;

export function pipelineGraph(project: Project): PipelineGraph {
  const edges = new Map<string, GraphEdge>();
  const addEdge = (from: string, to: string, warehouse: string) => {
    const key = `${from}\n${to}`;
    const e = edges.get(key) ?? { from, to, warehouses: [] };
    if (!e.warehouses.includes(warehouse)) e.warehouses.push(warehouse);
    edges.set(key, e);
  };
  const stageNames = new Set(project.stages.map((s) => s.name));
  for (const stage of project.stages) {
    for (const req of stage.requestedFreight) {
      if (req.sources.direct)
        addEdge(warehouseNode(req.origin.name), stageNode(stage.name), req.origin.name);
      for (const up of req.sources.stages) {
        if (stageNames.has(up)) addEdge(stageNode(up), stageNode(stage.name), req.origin.name);
      }
    }
  }
  const upstream = new Map<string, string[]>();
  for (const e of edges.values()) upstream.set(e.to, [...(upstream.get(e.to) ?? []), e.from]);

  // Longest path from the warehouses; a cycle (which lint refuses) is cut where it closes.
  const layerOf = new Map<string, number>();
  const visiting = new Set<string>();
  const layer = (id: string): number => {
    const known = layerOf.get(id);
    if (known !== undefined) return known;
    if (id.startsWith('warehouse:') || visiting.has(id)) return 0;
    visiting.add(id);
    const ups = upstream.get(id) ?? [];
    const l = ups.length ? 1 + Math.max(...ups.map(layer)) : 1;
    visiting.delete(id);
    layerOf.set(id, l);
    return l;
  };

  const nodes: GraphNode[] = [
    ...project.warehouses.map((w) => ({
      id: warehouseNode(w.name),
      kind: 'warehouse' as const,
      name: w.name,
      layer: 0,
      order: 0,
    })),
    ...project.stages.map((s) => ({
      id: stageNode(s.name),
      kind: 'stage' as const,
      name: s.name,
      layer: layer(stageNode(s.name)),
      order: 0,
    })),
  ];
  const layers = Math.max(1, ...nodes.map((n) => n.layer + 1));
  const byLayer: GraphNode[][] = Array.from({ length: layers }, () => []);
  for (const n of nodes) byLayer[n.layer]?.push(n);
  // File order, then each column sorted by the mean row of its upstream nodes (the barycentre
  // heuristic, one pass): fewer crossings, and the same input always gives the same picture.
  byLayer.forEach((col) => col.forEach((n, i) => (n.order = i)));
  const rowOf = new Map(nodes.map((n) => [n.id, n]));
  for (const col of byLayer.slice(1)) {
    const weight = (n: GraphNode) => {
      const ups = (upstream.get(n.id) ?? []).map((u) => rowOf.get(u)?.order ?? 0);
      return ups.length ? ups.reduce((a, b) => a + b, 0) / ups.length : n.order;
    };
    const sorted = col
      .map((n) => ({ n, w: weight(n) }))
      .sort((a, b) => a.w - b.w || a.n.order - b.n.order);
    sorted.forEach(({ n }, i) => (n.order = i));
  }
  return { nodes, edges: [...edges.values()], layers };
}
