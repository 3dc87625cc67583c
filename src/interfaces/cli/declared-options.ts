import type { Command } from "commander";

/*
 * Kept apart from project-options.ts, which reads files and parses YAML: main.ts needs only this, and
 * building the command line must load nothing of the scanner.
 */

/** `--config` and `--ignore-file`, as every command that reads a project's files takes them. */
export function withProjectFileOptions(command: Command): Command {
  return command
    .option(
      "--config <file>",
      "the project's options (default: amihackable.config.json or .amihackable.yml here); flags win",
    )
    .option(
      "--ignore-file <file>",
      "findings accepted with a reason and an optional expiry (default: .amihackableignore here)",
    );
}

/** What a command declares of its options: their names, and where each value came from ("cli", "default"). */
export interface DeclaredOptions {
  names: ReadonlySet<string>;
  source: (name: string) => string | undefined;
}

/**
 * The declared options of a commander command, as `withProjectFiles` reads them; `except` names options
 * the command gives another meaning than the config's, which the config must then leave alone.
 */
export function declaredOptions(command: Command, except: readonly string[] = []): DeclaredOptions {
  return {
    names: new Set(
      command.options.map((option) => option.attributeName()).filter((name) => !except.includes(name)),
    ),
    source: (name) => command.getOptionValueSource(name),
  };
}
