#!/usr/bin/env node
import { Command } from 'commander';
import { VERSION } from '../version.js';
import { registerInspectCommand } from './commands/inspect.js';
import { registerSyncCommand } from './commands/sync.js';

const program = new Command();
program
  .name('trainscope')
  .description('Inspect TensorBoard logs and sync W&B runs written by trainscope.')
  .version(VERSION);
registerInspectCommand(program);
registerSyncCommand(program);

await program.parseAsync(process.argv);
