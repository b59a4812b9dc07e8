/**
 * Runs `body` with `console.log`/`console.info` silenced: a peer library that prints on every run (a run URL, a
 * summary) would otherwise break up the benchmark table. Warnings and errors still go through.
 */
export async function withQuietConsole<T>(body: () => Promise<T>): Promise<T> {
  const { log, info } = console;
  console.log = () => {};
  console.info = () => {};
  try {
    return await body();
  } finally {
    console.log = log;
    console.info = info;
  }
}
