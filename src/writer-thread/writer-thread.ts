/**
 * The writer thread's entry (`logging.thread: 'worker'`): builds the configured backends here — encoding, CRCs,
 * file I/O and HTTP all run on this thread — and serves the training thread's requests (see `WriterService`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WriterReply, WriterRequest, WriterThreadData } from '../core/writer/writer-protocol.js';
import { WriterService } from '../core/writer/writer-service.js';
import { createBackends } from '../create-backends.js';
import { errorMessage } from '../core/error-message.js';

const port = parentPort;
if (port === null) throw new Error('writer-thread.js runs as a worker thread only');
const data = workerData as WriterThreadData;
const post = (message: WriterReply): void => port.postMessage(message);
const service = new WriterService(data, createBackends(data.options, data.info), post);
port.postMessage({ kind: 'loaded' } satisfies WriterReply);
port.on('message', (request: WriterRequest) => {
  service.handle(request).catch((error: unknown) => {
    service.log.error(`the writer thread failed in ${request.kind}(): ${errorMessage(error)}`);
  });
});
