import { type Command, InvalidArgumentError } from "commander";

/** Commander value parsers shared by the commands that take scan options (scan, batch). */
export function positiveInt(name: string) {
  return (value: string) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1)
      throw new InvalidArgumentError(`${name} must be a whole number above 0.`);
    return number;
  };
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function list(value: string, previous: string[]): string[] {
  return [
    ...previous,
    ...value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

export function parseHeader(raw: string): [string, string] {
  const colon = raw.indexOf(":");
  if (colon <= 0)
    throw new InvalidArgumentError(`--header needs "Name: value", got "${raw.split(":")[0]}..."`);
  const name = raw.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
    throw new InvalidArgumentError(`"${name}" is not a valid header name.`);
  return [name, raw.slice(colon + 1).trim()];
}

/** `--resolve` and `--connect-to`, curl's pins, as every command that scans takes them. */
export function withPinOptions(command: Command): Command {
  return command
    .option(
      "--resolve <host:port:address>",
      "pin a host and port to an address, like curl (repeatable)",
      collect,
      [],
    )
    .option(
      "--connect-to <host:port:address:port2>",
      "send a host and port's connections to another address and port, like curl (repeatable)",
      collect,
      [],
    );
}
