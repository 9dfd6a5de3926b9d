#!/usr/bin/env node
// the platform ships TypeScript without a build step: tsx compiles it on the fly
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
