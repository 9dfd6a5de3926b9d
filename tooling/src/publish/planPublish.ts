import { cacheControlFor } from "./cacheControlFor.ts";
import { compareContent } from "./compareContent.ts";
import { contentTypeFor } from "./contentTypeFor.ts";
import { keepMatcher } from "./keepMatcher.ts";
import type { LocalFile } from "./LocalFile.ts";
import type { Plan, PlannedDelete, PlannedUpload, UnchangedFile } from "./Plan.ts";
import type { RemoteObject } from "./RemoteObject.ts";

/**
 * Decides what a publish does. Pure: local files and listed objects in, plan out.
 * A file is unchanged when `compareContent` says `same`; `unknown` uploads (the caller resolves
 * what it can with HeadObject first). Uploads list every non-HTML asset before every page.
 * Deletes are the objects under `prefix` whose key no local file has; an object whose key does
 * not start with `prefix` is never matched nor deleted, whatever the listing returned, and
 * neither is one in a folder that `options.keep` names (`pr-*`: the previews beside a root site).
 */
export function planPublish(
  localFiles: readonly LocalFile[],
  remoteObjects: readonly RemoteObject[],
  prefix: string,
  options: { keep?: readonly string[] | undefined } = {},
): Plan {
  const kept = keepMatcher(options.keep ?? []);
  const remoteByKey = new Map<string, RemoteObject>();
  for (const object of remoteObjects) if (object.key.startsWith(prefix)) remoteByKey.set(object.key, object);

  const assets: PlannedUpload[] = [];
  const pages: PlannedUpload[] = [];
  const unchanged: UnchangedFile[] = [];
  const localKeys = new Set<string>();
  for (const file of localFiles) {
    const key = prefix + file.path;
    localKeys.add(key);
    const remote = remoteByKey.get(key);
    if (remote !== undefined && compareContent(file, remote) === "same") {
      unchanged.push({ key, path: file.path, size: file.size });
      continue;
    }
    const phase = /\.html?$/i.test(file.path) ? "page" : "asset";
    const upload: PlannedUpload = {
      key,
      path: file.path,
      absolutePath: file.absolutePath,
      size: file.size,
      md5: file.md5,
      sha256: file.sha256,
      contentType: contentTypeFor(file.path),
      cacheControl: cacheControlFor(file.path),
      phase,
      reason: remote === undefined ? "new" : "changed",
    };
    (phase === "page" ? pages : assets).push(upload);
  }

  const deletes: PlannedDelete[] = [...remoteByKey.values()]
    .filter((object) => !localKeys.has(object.key) && !kept(object.key.slice(prefix.length)))
    .map((object) => ({ key: object.key, size: object.size }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { prefix, uploads: [...assets, ...pages], unchanged, deletes };
}
