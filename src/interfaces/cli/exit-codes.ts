/** Exit codes: the contract CI pipelines rely on. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** Where a command writes: the process's streams, or a test's. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

/** Prints one sentence on stderr and gives the exit code of a usage or input error. */
export function failWith(io: { stderr: NodeJS.WritableStream }): (message: string) => number {
  return (message) => {
    io.stderr.write(`amihackable: ${message}\n`);
    return EXIT.error;
  };
}
