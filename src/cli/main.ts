#!/usr/bin/env node
import { Command } from 'commander';
import { VERSION } from '../version.js';
import { registerInspectCommand } from './commands/inspect.js';
import { registerSyncCommand } from './commands/sync.js';
import { registerViewCommand } from './commands/view.js';

const program = new Command();
program
  .name('trainscope')
  .description('Inspect TensorBoard logs and sync W&B runs written by trainscope.')
  .version(VERSION);
registerInspectCommand(program);
registerSyncCommand(program);
registerViewCommand(program);

await program.parseAsync(process.argv);
