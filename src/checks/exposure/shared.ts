import type { Need, Reference, Stack } from "../../core/index.ts";
import { ExposureResponses, type ExposureKind, SoftNotFoundBaselines } from "../../artifacts/index.ts";

/** What an exposure check reads: the answers for its kind of path, and the host's soft-404 baselines. */
export function exposureNeeds(kind: ExposureKind): readonly Need[] {
  return [{ kind: ExposureResponses, request: kind }, SoftNotFoundBaselines];
}

export const WSTG_BACKUP_FILES: Reference = {
  title: "OWASP WSTG: Review old backup and unreferenced files for sensitive information",
  url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information",
};

export const WSTG_FILE_EXTENSIONS: Reference = {
  title: "OWASP WSTG: Test file extensions handling for sensitive information",
  url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/03-Test_File_Extensions_Handling_for_Sensitive_Information",
};

/**
 * How to stop serving a file that was never meant to be public, per stack: serve only the build output
 * directory, and refuse dotfiles and backups at the edge. `what` names the files ("`.env` files").
 */
export function stopServingFixes(
  what: string,
  extra: Partial<Record<Stack, string>> = {},
): Partial<Record<Stack, string>> {
  const base: Partial<Record<Stack, string>> = {
    nginx: [
      `Point \`root\` at the build output only (never the project folder), and refuse ${what} and other hidden or backup files:`,
      "```nginx",
      "location ~ /\\.(?!well-known/) { deny all; }",
      "location ~* \\.(?:bak|old|orig|save|swp|sql|zip|tar|gz|tgz|7z|rar)$|~$ { deny all; }",
      "```",
    ].join("\n"),
    express: [
      `Serve only the directory that holds your built assets, never the project root, so ${what} cannot be reached:`,
      "```js",
      "app.use(express.static(path.join(__dirname, 'public'), { dotfiles: 'ignore' }));",
      "// not: app.use(express.static(__dirname)) or res.sendFile(req.path)",
      "```",
    ].join("\n"),
    nextjs: [
      `Next.js serves files only from \`public/\`: make sure ${what} are not in \`public/\` (or copied there by a build script), and if you run a custom server, do not serve the project folder with it.`,
    ].join("\n"),
    fastapi: [
      `Mount only the built frontend, never the project directory, so ${what} cannot be reached:`,
      "```python",
      'app.mount("/", StaticFiles(directory="frontend/dist", html=True), name="static")',
      '# not: StaticFiles(directory=".")',
      "```",
    ].join("\n"),
    vite: `Vite copies everything in \`public/\` into the build as-is: keep ${what} out of \`public/\` and deploy only \`dist/\`.`,
    vercel: `Vercel serves the output directory: make sure the build does not copy ${what} into it, and list them in \`.vercelignore\`.`,
    netlify: `Netlify serves the publish directory: set \`publish = "dist"\` (not the repository root) in \`netlify.toml\` and make sure the build does not copy ${what} into it.`,
    apache: [
      `Refuse ${what} and other hidden or backup files:`,
      "```apache",
      '<FilesMatch "^\\.|\\.(bak|old|sql|zip|tar|gz)$|~$">',
      "    Require all denied",
      "</FilesMatch>",
      "```",
    ].join("\n"),
  };
  const fixes: Partial<Record<Stack, string>> = {};
  for (const [stack, text] of Object.entries(base) as Array<[Stack, string]>) {
    fixes[stack] = extra[stack] ? `${extra[stack]}\n\n${text}` : text;
  }
  for (const [stack, text] of Object.entries(extra) as Array<[Stack, string]>) fixes[stack] ??= text;
  return fixes;
}
