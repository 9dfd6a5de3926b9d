// hosts whose file pages are `<repository>/blob/<commit>/<path>#L<line>` (GitHub, GitLab, Gitea,
// Forgejo, Codeberg), a self-hosted one recognised by its name (gitlab.example.com); others get
// no link unless the config sets `repository`: a link to a page that does not exist is worse
const blobHosts = /github|gitlab|gitea|forgejo|codeberg/;

/**
 * The web address of a repository from the URL of its git remote, for links to its files:
 * `git@github.com:org/repo.git` and `https://token@github.com/org/repo` give
 * `https://github.com/org/repo` (credentials and ports dropped, never shown on a page).
 * Undefined for a local path, or a host not known to serve `/blob/<commit>/<path>` pages. Pure.
 */
export function repositoryWebUrl(remote: string): string | undefined {
  const trimmed = remote.trim();
  // scp-like syntax: user@host:path, with no scheme
  const scp = /^(?:[^@/:]+@)?([^/:]+):(?!\/\/)(.+)$/.exec(trimmed);
  let host: string;
  let repositoryPath: string;
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    host = scp[1]!;
    repositoryPath = scp[2]!;
  } else {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return undefined;
    }
    if (!["https:", "http:", "ssh:", "git:", "git+ssh:", "ssh+git:"].includes(url.protocol)) return undefined;
    host = url.hostname;
    repositoryPath = decodeURIComponent(url.pathname);
  }
  repositoryPath = repositoryPath.replace(/^\/+|\/+$/g, "").replace(/\.git$/, "");
  if (!blobHosts.test(host.toLowerCase()) || !/^[\w.-]+(\/[\w.-]+)+$/.test(repositoryPath)) return undefined;
  return `https://${host.toLowerCase()}/${repositoryPath}`;
}
