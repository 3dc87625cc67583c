import { execFile } from "node:child_process";

const bin = new URL("../../bin/amihackable.js", import.meta.url).pathname;

/** Runs the real CLI in a child process, as a user or a CI pipeline would (no colours, 60 s at most). */
export function cli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: "1", ...options.env },
        ...(options.cwd ? { cwd: options.cwd } : {}),
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
