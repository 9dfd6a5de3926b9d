import type { Store } from "../store/Store.ts";
import { issueTokenInfo } from "./issueToken.ts";
import { revokeToken } from "./revokeToken.ts";
import type { TokenAdmin } from "./TokenAdmin.ts";

/**
 * Tokens managed in a store opened by this process (no registry holds it). The first token of an
 * empty store is an admin's, whatever was asked: someone must be able to manage the others over
 * HTTP once the registry runs. `onFirstAdmin` is told when that happens. Closing closes the store.
 */
export function storeTokenAdmin(store: Store, onFirstAdmin: () => void = () => {}): TokenAdmin {
  return {
    async create(principal) {
      const first = !principal.admin && (await store.listTokens()).length === 0;
      if (first) onFirstAdmin();
      return issueTokenInfo(store, { ...principal, admin: principal.admin || first });
    },
    list: () => store.listTokens(),
    revoke: (tokenOrId) => revokeToken(store, tokenOrId),
    close: () => store.close(),
  };
}
