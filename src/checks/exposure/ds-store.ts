import { type Check, evidenceFrom } from "../../core/index.ts";
import { dsStoreNames, hasDsStoreMagic } from "./ds-store-names.ts";
import { exposureNeeds, WSTG_BACKUP_FILES, stopServingFixes } from "./shared.ts";
import { exposedFiles, pathOf } from "./exposed-files.ts";

export const dsStore: Check = {
  meta: {
    id: "exposure.ds-store",
    title: "A .DS_Store file lists the names of files on the server",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-538",
    references: [
      WSTG_BACKUP_FILES,
      {
        title: "CWE-538: Insertion of Sensitive Information into Externally-Accessible File or Directory",
        url: "https://cwe.mitre.org/data/definitions/538.html",
      },
      { title: "Wikipedia: .DS_Store", url: "https://en.wikipedia.org/wiki/.DS_Store" },
    ],
    explanation:
      "macOS Finder writes a hidden `.DS_Store` file into every folder it opens, and this one was uploaded with the site. It records the names of the files and folders beside it, including ones no page links to (backups, exports, admin tools), which tells an attacker exactly what to download next. " +
      "It happens when a folder is copied from a Mac straight to the server.",
    fixes: stopServingFixes("`.DS_Store` files", {
      nginx:
        "Delete the file from the server (`find /var/www -name .DS_Store -delete`) and add `.DS_Store` to `.gitignore`.",
      express: "Delete the file from the deployed folder and add `.DS_Store` to `.gitignore`.",
      nextjs: "Delete `public/**/.DS_Store` and add `.DS_Store` to `.gitignore`.",
      fastapi: "Delete the file from the static directory and add `.DS_Store` to `.gitignore`.",
    }),
    learn: "exposed-files#ds-store",
    needs: exposureNeeds("ds-store"),
  },
  analyse(artifacts) {
    const signature = (exchange: { response?: { body: Uint8Array } }) =>
      exchange.response !== undefined && hasDsStoreMagic(exchange.response.body);
    return exposedFiles(artifacts, "ds-store", signature).map((exchange) => {
      const names = dsStoreNames(exchange.response!.body);
      const shown = names.slice(0, 15).join(", ");
      return {
        url: exchange.request.url,
        summary: `${pathOf(exchange)} is served${names.length > 0 ? ` and names ${names.length} entr${names.length === 1 ? "y" : "ies"} of that folder: ${shown}${names.length > 15 ? ", …" : ""}` : ""}.`,
        evidence: [
          evidenceFrom(exchange, "The response starts with the .DS_Store magic bytes (00 00 00 01 'Bud1').", {
            headers: ["content-type", "content-length"],
            excerpt: `00 00 00 01 42 75 64 31 (Bud1)\nnames: ${names.join(", ") || "(none read)"}`,
          }),
        ],
        details: { path: pathOf(exchange), names: names.join(",") },
      };
    });
  },
};
