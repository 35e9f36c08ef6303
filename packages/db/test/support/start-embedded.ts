// Run in a child process by server.test.ts: starts or reuses the embedded server and prints what happened.
import { startEmbeddedPostgres } from "../../src/server.ts";

const [dataDir, port] = process.argv.slice(2);
const handle = await startEmbeddedPostgres({ dataDir, port: Number(port), fast: true });
console.log(JSON.stringify({ source: handle.source, url: handle.url }));
process.exit(0);
