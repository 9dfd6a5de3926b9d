import { createRequire } from "node:module";

const crypto = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
let patched = false;

/**
 * Lets s3rver 3.7 page bucket listings on Node 17+. It encrypts continuation tokens with single
 * DES (`createCipheriv("des", key, iv)`), which OpenSSL 3 moved to its legacy provider, so every
 * listing longer than 1,000 keys answers 500. Triple DES with the key repeated three times is
 * single DES (encrypt, decrypt, encrypt with one key), and `des-ede3-cbc` is in OpenSSL 3's default
 * provider: the tokens come out byte for byte as s3rver meant them. Only the `des` name is mapped,
 * so nothing else in the process changes; the functions are private to s3rver's bucket controller,
 * hence a patch of the shared `crypto` module (which s3rver reads at call time) rather than of s3rver.
 */
export function patchS3rverCipher(): void {
  if (patched) return;
  patched = true;
  const { createCipheriv, createDecipheriv } = crypto;
  const tripled = (key: unknown) => Buffer.concat([key as Buffer, key as Buffer, key as Buffer]);
  const cipher = ((algorithm: string, key: Buffer, iv: Buffer, options?: object) =>
    algorithm === "des" ? createCipheriv("des-ede3-cbc", tripled(key), iv) : createCipheriv(algorithm, key, iv, options as never)) as typeof createCipheriv;
  const decipher = ((algorithm: string, key: Buffer, iv: Buffer, options?: object) =>
    algorithm === "des" ? createDecipheriv("des-ede3-cbc", tripled(key), iv) : createDecipheriv(algorithm, key, iv, options as never)) as typeof createDecipheriv;
  crypto.createCipheriv = cipher;
  crypto.createDecipheriv = decipher;
}
