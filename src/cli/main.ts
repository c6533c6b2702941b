// The admin CLI (`npm run ieum -- <command>`): migrate, seed, user create/set-role/disable.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { DataDirLockedError } from '../lib/db/data-dir-lock.js';
import { migrate } from '../lib/db/migrate.js';
import { HttpError } from '../lib/http/errors.js';
import { openConfiguredDatabase } from '../bootstrap.js';
import { seedAll } from '../seed.js';
import { apikeyCommand } from './apikey.js';
import { chatCommand } from './chat.js';
import { placesCommand } from './places.js';
import { userCommand } from './user.js';

const USAGE = `Usage: npm run ieum -- <command> [options]

Commands:
  migrate                         Apply pending database migrations
  seed                            Load the bundled content (idempotent)
  user create --username U --password P [--email E] --role ROLE [--region CODE ...]
  user set-role --username U --role ROLE [--region CODE ...]
  user disable --username U [--enable]
  chat report [--days N]          Questions the assistant could not answer, by locale
  places import FILE --format hsds|gyeonggi-json|gyeonggi-csv|csv [--category C] [--map f=col,...] [--source S] [--verified DATE] [--dry-run]
  places export FILE              All places as HSDS 3.0 JSON
  apikey create --name NAME       A key for a partner system filing through Open311 (shown once)
  apikey revoke --name NAME | apikey list

Roles: member, moderator, center_staff (needs --region), editor, admin.
--password-stdin reads the password from standard input instead of the command line.`;

export async function runCli(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      email: { type: 'string' },
      role: { type: 'string' },
      region: { type: 'string', multiple: true },
      enable: { type: 'boolean' },
      days: { type: 'string' },
      format: { type: 'string' },
      category: { type: 'string' },
      map: { type: 'string' },
      source: { type: 'string' },
      verified: { type: 'string' },
      name: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [cmd, sub, arg] = positionals;
  if (!cmd || values.help) {
    console.log(USAGE);
    return cmd ? 0 : 64;
  }
  const config = loadConfig();
  const dbh = await openConfiguredDatabase(config);
  try {
    if (cmd === 'migrate') {
      const ran = await migrate(dbh.db);
      console.log(ran.length ? `Applied: ${ran.join(', ')}` : 'Database is up to date.');
      return 0;
    }
    await migrate(dbh.db);
    if (cmd === 'seed') {
      console.log(JSON.stringify(await seedAll(dbh.db)));
      return 0;
    }
    if (cmd === 'user') return await userCommand(dbh.db, sub, values);
    if (cmd === 'chat') return await chatCommand(dbh.db, sub, values);
    if (cmd === 'places') return await placesCommand(dbh.db, sub, arg, values);
    if (cmd === 'apikey') return await apikeyCommand(dbh.db, sub, values);
    console.error(`Unknown command: ${cmd}\n\n${USAGE}`);
    return 64;
  } finally {
    await dbh.close();
  }
}

runCli(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    if (err instanceof ConfigError || err instanceof DataDirLockedError) console.error(err.message);
    else if (err instanceof HttpError) console.error(`Error: ${err.message}`);
    else if ((err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') console.error(`${(err as Error).message}\n\n${USAGE}`);
    else console.error(err);
    process.exit(1);
  });
