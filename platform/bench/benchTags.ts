const regions = ["us", "eu", "ap"];
const stages = ["dev", "staging", "prod"];

/**
 * The tags of the benchmark's `index`-th model version: 2,500 names of 4 versions each (for
 * 10,000), 10 teams, 3 regions, 3 stages and 100 shards, so that queries range from a few
 * matches to thousands.
 */
export function benchTags(index: number): { name: string; team: string; tags: Record<string, string> } {
  const model = index % 2500;
  const name = `model-${model}`;
  const team = `t${model % 10}`;
  return { name, team, tags: { name, team, owner: `${team}-user`, description: "", region: regions[model % 3]!, stage: stages[(model + index) % 3]!, shard: String(model % 100) } };
}

/** The `index`-th query of the load: a mix of selective and broad tag queries, some with `latest`. */
export function benchQuery(index: number): string {
  const kind = index % 4;
  const region = regions[index % 3]!;
  const stage = stages[(index >> 2) % 3]!;
  if (kind === 0) return `/v1/models?tag=region=${region}&tag=stage=${stage}&limit=20`;
  if (kind === 1) return `/v1/models?tag=shard=${index % 100}&tag=region=${region}`;
  if (kind === 2) return `/v1/models?tag=team=t${index % 10}&tag=stage=${stage}&latest=true&limit=20`;
  return `/v1/models?tag=name=model-${(index * 7919) % 2500}`;
}
