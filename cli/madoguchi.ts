import { startClockAt } from "../src/platform/clock.ts";
import { ConfigError, loadConfig } from "../src/platform/config.ts";
import type { Database } from "../src/platform/db/index.ts";
import { DataLockedError } from "../src/platform/db/lock.ts";
import { DomainError } from "../src/platform/errors.ts";
import { openConfiguredDatabase } from "../src/server.ts";
import { calendarCommand } from "./calendar.ts";
import { cardsCommand } from "./cards.ts";
import {
  auditCommand,
  backupCommand,
  type Output,
  restoreCommand,
  UsageError,
  userCommand,
} from "./commands.ts";
import { demoCommand } from "./demo.ts";
import { handoverCommand } from "./handover.ts";
import { purgeCommand } from "./purge.ts";
import { queueCommand } from "./queue.ts";
import { reportCommand } from "./report.ts";
import { retentionCommand } from "./retention.ts";
import { rosterCommand } from "./roster.ts";
import { staffingCommand } from "./staffing.ts";

const HELP = `madoguchi — マイナンバーカード窓口 / My Number Card counter platform

  madoguchi serve                                  start the server (same as npm start)
  madoguchi user list   --tenant T [--json]
  madoguchi user create --tenant T --username U --role R [--name N] [--password P] [--person ID]
                                                   staff/deputy/manager accounts need --person (a roster id)
  madoguchi roster --tenant T [--json]             the staff roster: qualifications, designation, training
  madoguchi user passwd --tenant T --username U [--password P]
  madoguchi calendar --tenant T [--from D] [--to D] [--json]
                                                   opening days (default: the whole service period)
  madoguchi queue accuracy --tenant T --from D --to D [--json]
                                                   wait estimates against actual waits
  madoguchi staffing plan --tenant T --month YYYY-MM [--target 0.8/15m] [--json]
                                                   the month's roster optimised for the target, simulated
  madoguchi report daily   --tenant T --date D    [--format json|xlsx|pdf] [--version N] [--out FILE]
  madoguchi report monthly --tenant T --month M   [--format json|xlsx|pdf] [--version N] [--out FILE]
                                                   日次報告書・月次業務完了報告書 (submitted version, else the draft)
  madoguchi cards summary --tenant T [--json]      カード在庫: cards now in each state
  madoguchi handover export --tenant T --out FILE.zip
                                                   業務引継書: manual, configuration, statistics, open items,
                                                   training (PDF + JSON; no citizen's data)
  madoguchi handover import --tenant T --file FILE.zip
                                                   the package taken in by the next contract's tenant
  madoguchi retention report [--tenant T] [--within DAYS] [--json]
                                                   保存期限: what is kept until when, what falls due
  madoguchi demo history --tenant T [--seed N]     six months of simulated service (2026-02-02 to 07-31)
  madoguchi audit verify [--tenant T] [--json]     exit 0 when every chain is intact, 1 otherwise
  madoguchi purge [--json]                         remove reservation contact data past its keeping period
  madoguchi backup --out FILE                      logical backup (restores into PGlite or PostgreSQL)
  madoguchi restore FILE                           into an empty database

Database: DATABASE_URL=postgres://… or the PGlite folder MADOGUCHI_DATA (default ./data).`;

type Command = (database: Database, argv: string[], io: Output) => Promise<number>;
const COMMANDS: Record<string, Command> = {
  user: userCommand,
  audit: auditCommand,
  calendar: calendarCommand,
  queue: queueCommand,
  roster: rosterCommand,
  staffing: staffingCommand,
  report: reportCommand,
  cards: cardsCommand,
  handover: handoverCommand,
  retention: retentionCommand,
  demo: demoCommand,
  purge: purgeCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

// A reader that has read enough (`| head`) closes the pipe: that ends the command, quietly.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });

const io: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "serve") {
    await import("../src/main.ts");
    return -1;
  }
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.out(HELP);
    return name && name !== "help" && name !== "--help" ? 2 : 0;
  }
  const config = loadConfig();
  startClockAt(config.clockStart);
  const { database, release } = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    return await command(database, rest, io);
  } finally {
    await database.close();
    release();
  }
}

/**
 * Everything written reaches the reader before the process ends: a pipe takes 64 KiB and Node
 * holds the rest, which `process.exit` would drop (a 175 kB plan cut at 65,536 bytes). Waits
 * until the stream holds nothing more (an empty write's callback is not enough: on a socket
 * pair, as a spawning parent gives, it comes at once).
 */
const drained = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => {
    const check = () => {
      if (stream.destroyed || stream.writableLength === 0) resolve();
      else setTimeout(check, 10);
    };
    check();
  });

async function exit(code: number): Promise<never> {
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
}

/** The exit code of a failure, its message written. */
function failed(error: unknown): number {
  if (error instanceof DataLockedError) {
    io.err(error.message);
    return 3;
  }
  if (error instanceof DomainError) {
    io.err(`${error.messageJa}\n${error.messageEn}`);
    return 2;
  }
  if (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
  ) {
    io.err((error as Error).message);
    return 2;
  }
  io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return 1;
}

let code: number;
try {
  code = await run(process.argv.slice(2));
} catch (error) {
  code = failed(error);
}
// -1: the server runs on (`madoguchi serve`).
if (code >= 0) await exit(code);
