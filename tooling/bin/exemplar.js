#!/usr/bin/env node
// Runs the bundled CLI in dist/, rebuilding it first when a source file is newer than the
// bundle, so that a change in src/ is never run stale.
import { existsSync, readFileSync } from "node:fs";

const { buildTooling, newestSource, stampFile } = await import("../scripts/build.js");
const stamp = existsSync(stampFile) ? Number(readFileSync(stampFile, "utf8")) : -1;
if (stamp < newestSource()) await buildTooling();
const { main } = await import("../dist/cli.js");
process.exitCode = await main(process.argv.slice(2));
