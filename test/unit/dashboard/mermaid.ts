/**
 * A reader for the Mermaid gantry writes (a strict subset of `flowchart`): every line must be one
 * of the forms below, or it throws. Good enough to check nodes, labels and edges without Mermaid.
 */
export interface ParsedFlowchart {
  direction: string;
  nodes: Map<string, { shape: 'cylinder' | 'box'; lines: string[] }>;
  edges: { from: string; to: string; label?: string }[];
  classes: Map<string, string[]>;
  classDefs: Set<string>;
}

/** Mermaid's entity codes (`#34;`, `#quot;`) back to text. */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };
  return text.replace(/#(\w+);/g, (all, code: string) =>
    /^\d+$/.test(code) ? String.fromCodePoint(Number(code)) : (named[code] ?? all),
  );
}

export function parseFlowchart(src: string): ParsedFlowchart {
  const lines = src.replace(/\n$/, '').split('\n');
  const head = /^flowchart (LR|TD|TB|RL|BT)$/.exec(lines[0] ?? '');
  if (!head) throw new Error(`first line is not a flowchart header: ${lines[0]}`);
  const out: ParsedFlowchart = {
    direction: head[1] as string,
    nodes: new Map(),
    edges: [],
    classes: new Map(),
    classDefs: new Set(),
  };
  const label = (raw: string) => raw.split('<br/>').map(decodeEntities);
  for (const line of lines.slice(1)) {
    let m: RegExpExecArray | null;
    if ((m = /^ {2}(\w+)\[\("([^"\n]*)"\)\]$/.exec(line))) {
      out.nodes.set(m[1] as string, { shape: 'cylinder', lines: label(m[2] as string) });
    } else if ((m = /^ {2}(\w+)\["([^"\n]*)"\]$/.exec(line))) {
      out.nodes.set(m[1] as string, { shape: 'box', lines: label(m[2] as string) });
    } else if ((m = /^ {2}(\w+) -->(?:\|"([^"\n]*)"\|)? (\w+)$/.exec(line))) {
      out.edges.push({
        from: m[1] as string,
        to: m[3] as string,
        ...(m[2] !== undefined ? { label: decodeEntities(m[2]) } : {}),
      });
    } else if ((m = /^ {2}classDef (\w+) [\w#:,. -]+$/.exec(line))) {
      out.classDefs.add(m[1] as string);
    } else if ((m = /^ {2}class ([\w,]+) (\w+)$/.exec(line))) {
      for (const id of (m[1] as string).split(','))
        out.classes.set(id, [...(out.classes.get(id) ?? []), m[2] as string]);
    } else {
      throw new Error(`line not understood: ${JSON.stringify(line)}`);
    }
  }
  for (const e of out.edges) {
    if (!out.nodes.has(e.from) || !out.nodes.has(e.to))
      throw new Error(`edge ${e.from} --> ${e.to} names an undefined node`);
  }
  for (const [id, cls] of out.classes) {
    if (!out.nodes.has(id)) throw new Error(`class for undefined node ${id}`);
    for (const c of cls) if (!out.classDefs.has(c)) throw new Error(`undefined class ${c}`);
  }
  return out;
}
