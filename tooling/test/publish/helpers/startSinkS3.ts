import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** What the sink was sent: bytes per key (parts summed) and each request, in arrival order. */
export interface SinkS3 {
  endpoint: string;
  bytes: Map<string, number>;
  requests: { method: string; key: string; query: string }[];
  close: () => Promise<void>;
}

/**
 * A loopback stand-in for S3 that keeps nothing: it lists an empty bucket, takes single and
 * multipart uploads, counts the bytes of each body as they stream by and throws them away. For
 * uploads too large to store (a 2 GiB file) where only what was sent matters.
 */
export async function startSinkS3(): Promise<SinkS3> {
  const sink: SinkS3 = { endpoint: "", bytes: new Map(), requests: [], close: async () => {} };
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", "http://sink");
    const [, bucket = "", ...rest] = url.pathname.split("/");
    const key = decodeURIComponent(rest.join("/"));
    const method = incoming.method ?? "GET";
    sink.requests.push({ method, key, query: url.search });
    incoming.on("data", (chunk: Buffer) => sink.bytes.set(key, (sink.bytes.get(key) ?? 0) + (method === "PUT" ? chunk.length : 0)));
    incoming.on("end", () => {
      const xml = (body: string) => {
        outgoing.writeHead(200, { "content-type": "application/xml" });
        outgoing.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
      };
      if (method === "GET") xml(`<ListBucketResult><Name>${bucket}</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>`);
      else if (method === "POST" && url.searchParams.has("uploads")) xml(`<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><UploadId>upload-1</UploadId></InitiateMultipartUploadResult>`);
      else if (method === "POST") xml(`<CompleteMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><ETag>"sink-etag"</ETag></CompleteMultipartUploadResult>`);
      else {
        outgoing.writeHead(method === "DELETE" ? 204 : 200, { etag: '"sink-etag"' });
        outgoing.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  sink.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sink.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return sink;
}
