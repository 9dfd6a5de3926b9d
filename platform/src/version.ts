import { readFileSync } from "node:fs";

/** This package's version: the client sends it with usage events, the registry reports it. */
export const platformVersion: string = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
