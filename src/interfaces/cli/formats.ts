/**
 * The report formats the CLI offers. The list is the reporters' own (a test holds them equal), written
 * out here so that building the command line, `--help` and `--version` load no reporter.
 */
export const CLI_FORMATS = ["text", "json", "sarif", "html", "markdown", "junit"] as const;
export type CliFormat = (typeof CLI_FORMATS)[number];

export const SEVERITY_CHOICES = ["info", "low", "medium", "high", "critical"] as const;

/** The formats of `batch` (batch-formats.ts writes them): one record per site, or one SARIF log. */
export const BATCH_FORMATS = ["jsonl", "csv", "sarif"] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

/** The formats of `diff` (the reporters' DIFF_FORMATS; a test holds them equal). */
export const DIFF_FORMAT_CHOICES = ["text", "json", "markdown"] as const;
