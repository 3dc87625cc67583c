import { type Check, evidenceFrom, type Exchange, type FindingDraft } from "../../core/index.ts";
import { ExposureResponses, SoftNotFoundBaselines } from "../../artifacts/index.ts";
import { directoryListing } from "./listing-signature.ts";
import { WSTG_BACKUP_FILES, exposureNeeds, stopServingFixes } from "./shared.ts";
import { isSuccess, originOf, pathOf } from "./exposed-files.ts";

export const directoryListingCheck: Check = {
  meta: {
    id: "exposure.directory-listing",
    title: "A folder on the server lists its files to anyone",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-548",
    references: [
      {
        title: "CWE-548: Exposure of Information Through Directory Listing",
        url: "https://cwe.mitre.org/data/definitions/548.html",
      },
      WSTG_BACKUP_FILES,
      {
        title: "nginx: ngx_http_autoindex_module",
        url: "https://nginx.org/en/docs/http/ngx_http_autoindex_module.html",
      },
      {
        title: "Apache: Options directive (Indexes)",
        url: "https://httpd.apache.org/docs/2.4/mod/core.html#options",
      },
    ],
    explanation:
      "Opening this folder's URL shows a page the server generated, listing every file in it. Files you never linked to (uploads from other users, exports, backups, old builds) become one click away, and a listing is the first thing a crawler looking for data follows. " +
      "It comes from `autoindex on` (nginx), `Options +Indexes` (Apache), `serve-index` (Express), a Python `http.server`, or a storage bucket whose listing is public.",
    fixes: stopServingFixes("directory indexes", {
      nginx: "Turn listings off (it is off unless enabled):\n```nginx\nautoindex off;\n```",
      express:
        "Remove `serve-index` (`app.use('/uploads', serveIndex(...))`); `express.static` alone never lists folders. Serve user uploads through a route that checks who is asking.",
      nextjs:
        "Next.js never lists folders by itself: remove the custom server or middleware that does, and keep user files in private storage behind an authorised route.",
      fastapi:
        "Remove the route or `http.server` that lists the folder; `StaticFiles` does not list directories. Serve user files through an endpoint that checks the user.",
      apache: "Turn listings off:\n```apache\nOptions -Indexes\n```",
      vercel:
        "Vercel does not list folders: if a linked storage bucket lists its objects, make the bucket private and serve files through signed URLs.",
      netlify:
        "Netlify does not list folders: if a linked storage bucket lists its objects, make the bucket private and serve files through signed URLs.",
    }),
    learn: "exposed-files#directory-listing",
    needs: exposureNeeds("listing"),
  },
  analyse(artifacts) {
    const calibration = artifacts.read(SoftNotFoundBaselines);
    const { candidates, page } = artifacts.read(ExposureResponses);
    // The main page too: a site whose root is a listing shows it there.
    const exchanges = [
      ...(page ? [page] : []),
      ...candidates
        .filter((candidate) => candidate.kind === "listing")
        .map((candidate) => candidate.exchange),
    ].sort((a, b) => a.id - b.id);
    const drafts: FindingDraft[] = [];
    for (const exchange of exchanges) {
      if (!isSuccess(exchange)) continue;
      const path = pathOf(exchange);
      const signature = (e: Exchange) => directoryListing(e, pathOf(e)) !== undefined;
      const isPage = exchange === page;
      // The page was not compared with itself; a probed folder must differ from the host's catch-all.
      if (isPage ? !signature(exchange) : !calibration.confirmed(exchange, signature)) continue;
      const listing = directoryListing(exchange, path)!;
      const shown = listing.entries.slice(0, 12).join(", ");
      drafts.push({
        url: exchange.request.url,
        groupKey: originOf(exchange),
        summary: `${path} is a directory listing (${listing.server})${listing.entries.length > 0 ? ` showing ${listing.entries.length}${listing.entries.length >= 50 ? "+" : ""} entries such as ${shown}` : ""}.`,
        evidence: [
          evidenceFrom(exchange, `The server generated a listing of ${path}.`, {
            headers: ["content-type", "server"],
          }),
        ],
        details: { path, server: listing.server, entries: listing.entries.slice(0, 50).join(",") },
      });
    }
    return drafts;
  },
};
