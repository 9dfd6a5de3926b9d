#!/usr/bin/env node
// the tooling ships as TypeScript; tsx compiles it on the fly, as it does for the examples
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
