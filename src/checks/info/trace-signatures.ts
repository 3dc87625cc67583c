/**
 * What framework error pages and stack traces look like. Each signature is specific to machinery that only
 * a real error page prints (a frame with a file path and line number, a debug page's own wording), so a
 * generic "500 Internal Server Error" or "Not Found" page never matches.
 */
export interface TraceSignature {
  /** Who prints it, for the summary. */
  name: string;
  pattern: RegExp;
  /** How many matches prove a trace (frames come in stacks; a single "at x (y:1:2)" may be prose). */
  minMatches?: number;
  /** Extra text that must also be there. */
  alongside?: RegExp;
  /**
   * Also on 2xx responses. Only for markup no article or documentation page would contain raw (PHP's
   * display_errors writes `<b>Warning</b>: ... in <b>/path</b>`; a blog post quoting it would escape it).
   * Every other signature needs an error status, so a tutorial page about stack traces is not a finding.
   */
  anyStatus?: boolean;
}

export const TRACE_SIGNATURES: readonly TraceSignature[] = [
  {
    name: "Node.js stack trace",
    // "at handler (/app/server.js:12:9)", "at async C:\\app\\x.js:3:1", "at node:internal/...:1:2"
    pattern:
      /\bat (?:async )?(?:[^\s()<>"]{1,200} (?:\[as [^\]]{1,80}\] )?)?\(?(?:\/|[A-Za-z]:\\{1,2}|file:\/\/\/|node:)[^\s()<>"]{1,300}:\d+:\d+\)?/g,
    minMatches: 2,
  },
  {
    name: "Python traceback",
    pattern: /Traceback \(most recent call last\):/,
    alongside: /File (?:"|&quot;|&#34;)[^"&\n]{1,300}(?:"|&quot;|&#34;), line \d+/,
  },
  {
    name: "Django debug page",
    pattern: /seeing this error because you have\s*(?:<code>)?\s*DEBUG\s*=\s*True/,
  },
  {
    name: "Werkzeug/Flask debugger",
    pattern:
      /The debugger caught an exception in your WSGI application|<title>[^<]{0,200}Werkzeug Debugger<\/title>/,
  },
  {
    name: "Laravel error page",
    pattern:
      /vendor(?:\\\\|\\|\/)laravel(?:\\\\|\\|\/)framework(?:\\\\|\\|\/)src|Whoops! There was an error\./,
  },
  {
    name: "Rails error page",
    pattern: /<title>Action Controller: Exception caught<\/title>|<h2[^>]*>\s*Application Trace\s*<\/h2>/,
  },
  {
    name: "Java stack trace",
    // "at com.shop.UserController.get(UserController.java:31)", with Java 9+'s "java.base/" module prefix.
    pattern:
      /at (?:[\w.$-]{1,100}(?:@[\w.-]{1,50})?\/)?(?:[\w$]+\.){2,}[\w$<>]+\((?:[\w$]+\.(?:java|kt|scala|groovy):\d+|Native Method|Unknown Source)\)/g,
    minMatches: 2,
  },
  {
    name: "ASP.NET error page",
    pattern: /Server Error in '[^'\n]{0,200}' Application/,
    alongside: /Stack Trace:|Exception Details:|Source Error:/,
  },
  {
    name: ".NET stack trace",
    pattern: / at [\w.`<>$+]{1,300}\([^)\n]{0,300}\) in [^\n<]{1,300}:line \d+/g,
    minMatches: 2,
  },
  {
    name: "PHP error with file path",
    pattern:
      /<b>(?:Fatal error|Parse error|Warning|Notice|Deprecated|Uncaught Exception)<\/b>:\s[^\n<]{0,300} in <b>[^<\n]{1,300}<\/b> on line <b>\d+<\/b>/,
    anyStatus: true,
  },
  {
    name: "PHP error with file path",
    pattern:
      /(?:Fatal error|Parse error): [^\n<]{0,300} in (?:\/|[A-Za-z]:\\)[^\s<]{1,300}\.php(?::\d+| on line \d+)/,
  },
  {
    name: "Go panic",
    pattern: /goroutine \d+ \[running\]:/,
    alongside: /\.go:\d+/,
  },
  {
    name: "Next.js development error overlay",
    pattern: /nextjs__container_errors|data-nextjs-dialog|nextjs-original-stack-frame/,
  },
];

export interface TraceMatch {
  signature: TraceSignature;
  /** Offset of the first match, for the evidence excerpt. */
  index: number;
}

/** The first signature found in an error response's text (status decides which signatures apply). */
export function findTrace(text: string, status: number): TraceMatch | undefined {
  const isError = status >= 400;
  for (const signature of TRACE_SIGNATURES) {
    if (!isError && !signature.anyStatus) continue;
    const index = matchIndex(text, signature);
    if (index !== undefined) return { signature, index };
  }
  return undefined;
}

function matchIndex(text: string, signature: TraceSignature): number | undefined {
  const { pattern, minMatches = 1, alongside } = signature;
  let index: number | undefined;
  if (pattern.global) {
    pattern.lastIndex = 0;
    let count = 0;
    for (const match of text.matchAll(pattern)) {
      index ??= match.index;
      if (++count >= minMatches) break;
    }
    if (count < minMatches) return undefined;
  } else {
    const match = pattern.exec(text);
    if (!match) return undefined;
    index = match.index;
  }
  if (alongside && !alongside.test(text)) return undefined;
  return index;
}
