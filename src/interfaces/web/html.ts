/**
 * The template lives in src/render (the reporters use it too, and may not import interfaces); web pages
 * import it from there. This re-export only keeps `import type { SafeHtml } from "../web/html.ts"` in
 * src/interfaces/server compiling until that import points at src/render.
 */
export type { SafeHtml } from "../../render/index.ts";
