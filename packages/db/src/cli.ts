// lagebild-db: migrations without the native Prisma schema engine.
//   migrate                   ensure the database (DATABASE_URL or embedded) and apply pending migrations (then
//                             rebuild the summaries that are empty while their base rows exist)
//   rebuild-summaries [name…]  recompute the summaries (all, or the named ones) from the base tables
//   diff [--from-empty]       print the SQL from the committed migrations (or from nothing) to schema.prisma
//   create-migration <name>   write prisma/migrations/<timestamp>_<name>/migration.sql from that diff
//   check                     exit 1 when the committed migrations and schema.prisma disagree
//   serve                     start the embedded PostgreSQL, print its URL and keep it running until Ctrl-C
//   url                       print the database URL (starts the embedded server only for as long as this runs)
import { createDb } from "./client.ts";
import { createMigration, diffEmptyToSchema, diffMigrationsToSchema, migrateDeploy } from "./migrate.ts";
import { ensureDatabase } from "./server.ts";
import { SUMMARIES, parseSummaryNames, rebuildSummaries } from "./summaries.ts";

const USAGE = `usage: lagebild-db <migrate|rebuild-summaries [${SUMMARIES.join("|")} …]|diff [--from-empty]|create-migration <name>|check|serve|url>`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case "migrate": {
      const db = await ensureDatabase();
      try {
        const res = await migrateDeploy(db.url, { log: process.env.DEBUG ? (l) => console.error(l) : undefined });
        console.log(
          res.applied.length
            ? `applied ${res.applied.length} migration(s) with the ${res.engine} engine: ${res.applied.join(", ")}`
            : `database is up to date (${res.engine} engine)`,
        );
        if (res.rebuilt.length) console.log(`rebuilt the summaries that were missing: ${res.rebuilt.join(", ")}`);
      } finally {
        await db.stop();
      }
      return 0;
    }
    case "rebuild-summaries": {
      const only = rest.length ? parseSummaryNames(rest) : undefined;
      const handle = await ensureDatabase();
      const db = createDb(handle.url, { poolSize: 1 });
      try {
        const res = await rebuildSummaries(db, { only, log: (l) => console.log(l) });
        console.log(`rebuilt ${res.rebuilt.join(", ")} in ${(res.ms / 1000).toFixed(1)} s`);
      } finally {
        await db.$disconnect();
        await handle.stop();
      }
      return 0;
    }
    case "diff": {
      if (rest.includes("--from-empty")) {
        process.stdout.write(await diffEmptyToSchema());
        return 0;
      }
      const db = await ensureDatabase();
      try {
        const sql = await diffMigrationsToSchema(db.url);
        process.stdout.write(sql || "-- the migrations match schema.prisma\n");
      } finally {
        await db.stop();
      }
      return 0;
    }
    case "create-migration": {
      const name = rest.find((a) => !a.startsWith("-"));
      if (!name) {
        console.error(USAGE);
        return 2;
      }
      const db = await ensureDatabase();
      try {
        const folder = await createMigration(db.url, name);
        console.log(folder ? `created prisma/migrations/${folder}/migration.sql` : "nothing to migrate: the migrations match schema.prisma");
      } finally {
        await db.stop();
      }
      return 0;
    }
    case "check": {
      const db = await ensureDatabase();
      try {
        const sql = await diffMigrationsToSchema(db.url);
        if (sql.trim()) {
          console.error("schema.prisma and prisma/migrations disagree; run `pnpm --filter @lagebild/db exec tsx src/cli.ts create-migration <name>`:\n");
          console.error(sql);
          return 1;
        }
        console.log("migrations match schema.prisma");
      } finally {
        await db.stop();
      }
      return 0;
    }
    case "serve": {
      const db = await ensureDatabase({ ignoreEnv: true });
      console.log(db.url);
      if (db.source === "reused") {
        console.log("(already running in another process)");
        return 0;
      }
      console.log("embedded PostgreSQL running; Ctrl-C stops it");
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await db.stop();
      return 0;
    }
    case "url": {
      const db = await ensureDatabase();
      console.log(db.url);
      await db.stop();
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
