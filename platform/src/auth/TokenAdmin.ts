import type { TokenInfo } from "../store/Store.ts";
import type { IssuedToken } from "./issueToken.ts";

/**
 * What `envelope token` does, wherever the tokens are: in a store this process opens
 * (`storeTokenAdmin`) or behind a running registry, with an admin token (`httpTokenAdmin`).
 */
export interface TokenAdmin {
  create(principal: { user: string; team: string; admin: boolean }): Promise<IssuedToken>;
  list(): Promise<TokenInfo[]>;
  /** `tokenOrId`: a token as issued (`env_...`) or its id; 404 when there is none */
  revoke(tokenOrId: string): Promise<TokenInfo>;
  close(): Promise<void>;
}
