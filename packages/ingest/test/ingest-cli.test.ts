// `ingest` end to end: the CLI spawned against its own embedded PostgreSQL in a temp directory (no shared state):
// articles are stored, a second run finds them unchanged, bad files are named and make the exit code 1.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const pkgDir = fileURLToPath(new URL("..", import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lagebild-ingest-"));
  writeFileSync(join(dir, "a.txt"), "Gipfel in Genf\nStand: 05.03.2026\nDie Außenminister Russlands und der Ukraine trafen sich am Mittwoch in Genf. Die Gespräche sollen weitergehen.");
  writeFileSync(join(dir, "b.md"), "---\ntitle: Waffenruhe verlängert\npublished: 2026-03-06\noutlet: Beispiel-Zeitung\n---\nIsrael und die Hamas haben sich in Kairo auf eine Verlängerung der Waffenruhe geeinigt, teilten Vermittler am Freitag mit.");
  writeFileSync(join(dir, "c-empty.txt"), "");
  const { DATABASE_URL: _omit, ...rest } = process.env;
  env = { ...rest, INIT_CWD: dir, LAGEBILD_DATA_DIR: join(dir, "data"), LAGEBILD_PG_PORT: String(await freePort()) };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ingest = (...paths: string[]) =>
  spawnSync(process.execPath, [tsxCli, join(pkgDir, "src", "cli.ts"), "ingest", ...paths], { cwd: dir, env, encoding: "utf8", timeout: 240_000 });

describe("ingest CLI", () => {
  it("stores new articles, names failures, and finds them unchanged the second time", () => {
    const first = ingest(".");
    expect(first.stdout).toBe("");
    expect(first.stderr).toMatch(/^error: c-empty\.txt: empty file$/m);
    expect(first.stderr).toMatch(/^ok: a\.txt/m);
    expect(first.stderr).toMatch(/^ingest: 3 files, 2 articles new, 0 unchanged, 1 failed$/m);
    expect(first.status).toBe(1);

    const second = ingest("a.txt", "b.md");
    expect(second.stderr).toMatch(/^unchanged: a\.txt$/m);
    expect(second.stderr).toMatch(/^ingest: 2 files, 0 articles new, 2 unchanged, 0 failed$/m);
    expect(second.status).toBe(0);
  }, 300_000);
});
