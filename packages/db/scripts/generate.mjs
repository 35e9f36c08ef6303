// Generates the Prisma client into src/generated/prisma (gitignored). Runs on `pnpm install` (postinstall).
// `prisma generate` only checks that a schema engine file exists; on machines where the native engine cannot be
// downloaded we point PRISMA_SCHEMA_ENGINE_BINARY at /bin/false, unless the caller set it.
// A failure is reported but does not fail the install; `pnpm --filter @lagebild/db generate` reruns it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const strict = process.argv.includes("--strict");

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync("/bin/false")) env.PRISMA_SCHEMA_ENGINE_BINARY = "/bin/false";

let cli;
try {
  cli = join(dirname(createRequire(join(pkgDir, "package.json")).resolve("prisma/package.json")), "build", "index.js");
} catch {
  console.warn("[@lagebild/db] prisma is not installed; skipping `prisma generate`");
  process.exit(0);
}

const res = spawnSync(process.execPath, [cli, "generate", "--schema", "prisma/schema.prisma"], {
  cwd: pkgDir,
  env,
  stdio: "inherit",
});
if (res.status !== 0) {
  console.warn(`[@lagebild/db] prisma generate failed (exit ${res.status ?? res.signal}); rerun with \`pnpm --filter @lagebild/db generate\``);
  process.exit(strict ? 1 : 0);
}
