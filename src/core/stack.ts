/** The stacks a fix can be written for. The first four are required of every check. */
export const REQUIRED_STACKS = ["express", "nextjs", "fastapi", "nginx"] as const;
export const STACKS = [
  "express",
  "nextjs",
  "fastapi",
  "nginx",
  "fastify",
  "hono",
  "koa",
  "django",
  "rails",
  "laravel",
  "vercel",
  "netlify",
  "vite",
  "supabase",
  "firebase",
  "apache",
  "cloudflare",
] as const;
export type Stack = (typeof STACKS)[number];

export const STACK_LABELS: Record<Stack, string> = {
  express: "Express",
  nextjs: "Next.js",
  fastapi: "FastAPI",
  nginx: "nginx",
  fastify: "Fastify",
  hono: "Hono",
  koa: "Koa",
  django: "Django",
  rails: "Rails",
  laravel: "Laravel",
  vercel: "Vercel",
  netlify: "Netlify",
  vite: "Vite",
  supabase: "Supabase",
  firebase: "Firebase",
  apache: "Apache",
  cloudflare: "Cloudflare",
};
