import type { Route } from "./Route.ts";

export type RouteMatch = { route: Route; params: Record<string, string> } | { allowed: string[] } | undefined;

/**
 * Finds the route for a method and decoded path segments. A path that exists with another
 * method gives the allowed methods (405); no path at all gives undefined (404).
 */
export function matchRoute(routes: readonly Route[], method: string, segments: readonly string[]): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    const pattern = route.path.split("/").slice(1);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      if (part.startsWith("{")) {
        params[part.slice(1, -1)] = segments[index]!;
        return segments[index] !== "";
      }
      return part === segments[index];
    });
    if (!matches) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { allowed } : undefined;
}
