// vitest's global setup: the repository's examples import @exemplar/tooling by name, which
// resolves to the bundle in tooling/dist (the package's `exports`), and tests spawn
// bin/exemplar.js, which runs it. Rebuilt here once, before any test file runs, when src/ is
// newer than it, rather than by whichever spawned CLI gets there first.
interface Build {
  buildTooling: () => Promise<void>;
  isStale: (stamp: string) => boolean;
  stampFile: string;
}

// plain JavaScript without declarations: imported by URL, typed here
const script = new URL("../../scripts/build.js", import.meta.url).href;

export default async function buildBundle(): Promise<void> {
  const { buildTooling, isStale, stampFile } = (await import(script)) as Build;
  if (isStale(stampFile)) await buildTooling();
}
