import protobuf from 'protobufjs';
import { descriptor } from './generated/descriptor.js';

/**
 * `wandb_internal.Record` from the project's own `.proto` subset (`proto/wandb/wandb_internal.proto`), built
 * by protobufjs from the checked-in descriptor (`generated/descriptor.ts`, made by `pbjs -t json`): protobufjs
 * generates the encoder and decoder functions once, at load. A descriptor in a TypeScript module (rather than
 * pbjs static `.js` code) is what `tsc` builds into `dist/` with the rest of the sources. Field names are
 * protobuf's snake_case (`--keep-case`), as W&B's own reader prints them.
 */
const root = protobuf.Root.fromJSON(descriptor as protobuf.INamespace);

export const RecordMessage: protobuf.Type = root.lookupType('wandb_internal.Record');
