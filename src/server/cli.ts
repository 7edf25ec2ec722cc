import { Command } from 'commander';
import { registerNlpCommands } from '../modules/nlp/cli.ts';
import { ConfigError, loadConfig } from '../platform/config/env.ts';
import { registerDataCommands } from './cli-data.ts';
import { registerServeCommands } from './cli-serve.ts';
import { registerUserCommands } from './cli-users.ts';

/** `xiaobao <command>`: the only entry point, for operators and for `npm start`. */
const program = new Command('xiaobao').description('小保 Xiaobao — 银行消费者权益保护平台 / bank consumer-protection platform');

export const config = () => {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
};

registerServeCommands(program, config);
registerDataCommands(program, config);
registerUserCommands(program, config);
registerNlpCommands(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
