// Helpers shared by the start and test scripts. Plain Node (no dependencies): these run before `pnpm install`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PNPM_VERSION = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split("@")[1];

export const quietEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
};

export function log(msg) {
  process.stderr.write(`\x1b[1m▸ ${msg}\x1b[0m\n`);
}

/** pnpm from PATH when it is the pinned major, else through npx (a fresh machine has only node and npm). */
function pnpmCommand() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (probe.status === 0 && probe.stdout.trim().split(".")[0] === PNPM_VERSION.split(".")[0]) return ["pnpm"];
  return ["npx", "--yes", `pnpm@${PNPM_VERSION}`];
}
let cachedPnpm;
export function pnpmArgs(args) {
  cachedPnpm ??= pnpmCommand();
  return [cachedPnpm[0], [...cachedPnpm.slice(1), ...args]];
}

/** Runs a command, streaming its output; resolves with the exit code. `onLine` sees every output line. */
export function run(cmd, args, { env = {}, cwd = root, onLine, capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...quietEnv, ...env }, stdio: capture || onLine ? ["inherit", "pipe", "pipe"] : "inherit" });
    if (capture || onLine) {
      for (const stream of [child.stdout, child.stderr]) {
        let buf = "";
        stream.on("data", (chunk) => {
          const text = chunk.toString();
          (stream === child.stdout ? process.stdout : process.stderr).write(text);
          buf += text;
          const lines = buf.split("\n");
          buf = lines.pop() ?? "";
          for (const l of lines) onLine?.(l);
        });
        stream.on("end", () => { if (buf) onLine?.(buf); });
      }
    }
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", (err) => { process.stderr.write(`${cmd}: ${err.message}\n`); resolve(127); });
  });
}

export const pnpm = (args, opts) => run(...pnpmArgs(args), opts);

/** Installs dependencies with the lockfile when node_modules is missing or older than the lockfile. */
export async function ensureInstalled() {
  const marker = join(root, "node_modules", ".modules.yaml");
  const lock = join(root, "pnpm-lock.yaml");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log("installing dependencies (pnpm install --frozen-lockfile)");
  const code = await pnpm(["install", "--frozen-lockfile"]);
  if (code !== 0) {
    process.stderr.write("dependency install failed; see the output above\n");
    process.exit(code);
  }
}
