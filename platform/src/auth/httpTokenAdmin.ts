import { createTransport } from "../client/createTransport.ts";
import type { TokenInfo } from "../store/Store.ts";
import type { IssuedToken } from "./issueToken.ts";
import { tokenRef } from "./revokeToken.ts";
import type { TokenAdmin } from "./TokenAdmin.ts";

/**
 * Tokens managed through a running registry (`/v1/tokens`), with an admin token: how tokens are
 * issued and revoked while the registry holds its embedded store. A revocation there takes effect
 * from the registry's next request. A token to revoke goes in the request's body, never its URL.
 */
export function httpTokenAdmin(connection: { url: string; token: string; fetch?: typeof fetch }): TokenAdmin {
  const request = createTransport(connection);
  return {
    create: (principal) => request<IssuedToken>("POST", "/v1/tokens", { json: principal }),
    list: async () => (await request<{ tokens: TokenInfo[] }>("GET", "/v1/tokens")).tokens,
    async revoke(tokenOrId) {
      const ref = tokenRef(tokenOrId);
      return (await request<{ revoked: TokenInfo }>("POST", "/v1/tokens/revoke", { json: "id" in ref ? { id: ref.id } : { token: tokenOrId } })).revoked;
    },
    close: async () => {},
  };
}
