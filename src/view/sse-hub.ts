import type { ServerResponse } from 'node:http';

const HEARTBEAT_MS = 15_000;

/** Server-sent events to every open page: `changed` with the ids of runs that gained data. */
export class SseHub {
  private readonly clients = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout | undefined;

  get size(): number {
    return this.clients.size;
  }

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    if (this.heartbeat === undefined) {
      this.heartbeat = setInterval(() => this.send(': heartbeat\n\n'), HEARTBEAT_MS);
      this.heartbeat.unref();
    }
  }

  broadcast(event: string, data: unknown): void {
    this.send(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  close(): void {
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private send(text: string): void {
    for (const res of this.clients) res.write(text);
  }
}
