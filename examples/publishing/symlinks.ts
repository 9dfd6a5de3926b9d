import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { ExemplarError, publishSite } from "@exemplar/tooling";

/**
 * A build cannot publish files of the machine it runs on: a symlink that resolves outside the
 * site folder is refused, naming the link and where it points, before the bucket is contacted
 * (the client here points at a port where nothing listens, and is never used). Links that stay
 * inside the site are followed.
 * @example publishing.symlinks
 * @expect
 * EXEMPLAR_PUBLISH_SYMLINK: site folder "dist": leak.txt is a symlink to ~/secret, outside the site folder; refusing to publish files from outside the site (nothing was uploaded): copy the file into the site, or remove the link
 */
export async function symlinkOutOfTheSite() {
  const home = await mkdtemp(join(tmpdir(), "runner-"));
  try {
    await writeFile(join(home, "secret"), "AWS_SECRET_ACCESS_KEY=...");
    await mkdir(join(home, "dist"));
    await writeFile(join(home, "dist/index.html"), "<h1>docs</h1>");
    // what a pull request's build could write: ln -s ~/secret dist/leak.txt
    await symlink(join(home, "secret"), join(home, "dist/leak.txt"));

    const client = new S3Client({ region: "us-east-1", endpoint: "http://127.0.0.1:9", credentials: { accessKeyId: "-", secretAccessKey: "-" } });
    try {
      await publishSite({ dir: "dist", cwd: home, bucket: "previews", prefix: "pr-12", client, dryRun: true });
    } catch (error) {
      if (!(error instanceof ExemplarError)) throw error;
      console.log(`${error.code}: ${error.message.replaceAll(home, "~")}`);
    } finally {
      client.destroy();
    }
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}
