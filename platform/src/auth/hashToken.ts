import { createHash, randomBytes } from "node:crypto";

/** The sha256 (hex) of a token: what the store keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A fresh random token, `env_` and 32 bytes in base64url. */
export function newToken(): string {
  return `env_${randomBytes(32).toString("base64url")}`;
}
