/** The layers a gateway sample is charged to, innermost first: the first that matches a frame of the stack owns the sample. */
const LAYERS: readonly { name: string; matches: (url: string) => boolean }[] = [
  {
    name: "gateway: audit trail",
    matches: (url) => /gateway\/dist\/(ops\/audit|operations\/audit-event)/.test(url),
  },
  {
    name: "gateway: operation pipeline",
    matches: (url) => /gateway\/dist\/(operations|generated)\//.test(url),
  },
  { name: "gateway: other", matches: (url) => url.includes("gateway/dist/") },
  { name: "idp-client", matches: (url) => url.includes("idp-client/dist/") },
  { name: "undici (upstream HTTP)", matches: (url) => url.includes("/undici@") },
  { name: "logging (pino)", matches: (url) => /\/(pino|sonic-boom)@/.test(url) },
  {
    name: "GraphQL execution (graphql-js, executor, Pothos)",
    matches: (url) => /\/(graphql@|@graphql-tools\+|@pothos\+)/.test(url),
  },
  {
    name: "yoga and envelop (plugins included)",
    matches: (url) => /\/(graphql-yoga@|@graphql-yoga\+|@envelop\+|@escape\.tech\+)/.test(url),
  },
  {
    name: "@whatwg-node (Request/Response adapter)",
    matches: (url) => url.includes("/@whatwg-node+"),
  },
  {
    name: "Node HTTP, sockets and streams",
    matches: (url) =>
      /^node:(_http|net|internal\/(streams|stream_base|http|child_process))/.test(url),
  },
  { name: "Node other (events, timers, microtasks)", matches: (url) => url.startsWith("node:") },
];

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** Samples per layer: each sample goes to the innermost frame of its stack that a layer claims; GC and idle by name. */
export function samplesByLayer(
  nodes: readonly ProfileNode[],
  samples: readonly number[],
): Map<string, number> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const owner = new Map<number, string>();
  const layerOf = (id: number): string => {
    const known = owner.get(id);
    if (known) return known;
    const node = byId.get(id);
    const name = node?.callFrame.functionName ?? "";
    let layer: string;
    if (name === "(garbage collector)") layer = "garbage collection";
    else if (name === "(idle)") layer = "idle";
    else {
      const url = node?.callFrame.url ?? "";
      const matched = url ? LAYERS.find((candidate) => candidate.matches(url)) : undefined;
      const parent = parentOf.get(id);
      layer = matched?.name ?? (parent === undefined ? "other (native, program)" : layerOf(parent));
    }
    owner.set(id, layer);
    return layer;
  };
  const counts = new Map<string, number>();
  for (const id of samples) {
    const layer = layerOf(id);
    counts.set(layer, (counts.get(layer) ?? 0) + 1);
  }
  return counts;
}
