import { withExemplar } from "@exemplar/tooling/vitepress";
import { defineConfig } from "vitepress";

/**
 * A project's VitePress config imports the integration by package name and wraps its config:
 * the pages are spliced as VitePress serves and builds them, by a Vite plugin it adds.
 * @example install.vitepress-config
 * @expect
 * title: My library
 * Vite plugins: exemplar
 */
export function vitepressConfig() {
  const config = withExemplar(defineConfig({ title: "My library" }));
  console.log(`title: ${config.title}`);
  console.log(`Vite plugins: ${config.vite?.plugins?.map((plugin) => (plugin && "name" in plugin ? plugin.name : "")).join(", ")}`);
}
