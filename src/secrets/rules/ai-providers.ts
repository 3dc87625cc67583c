import { CVSS_PAID_API_ABUSE } from "../cvss-vectors.ts";
import { BASE62, fakeChars, HEX, join } from "../fake.ts";
import { prefixedTokenRule } from "../prefixed-token.ts";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ID = "secret.ai-provider-key";

/**
 * AI providers other than OpenAI and Anthropic (which have their own ids), each only where its keys carry
 * a distinctive prefix. Google's Gemini keys are `AIza` browser-style keys indistinguishable from Firebase
 * and Maps keys, and Mistral's are 32 bare characters: neither has a shape to recognise, so neither is here.
 */
export const huggingFaceToken = prefixedTokenRule({
  name: "huggingface-token",
  provider: "Hugging Face",
  findingId: ID,
  prefixes: ["hf_", "api_org_"],
  tail: "[A-Za-z]{34}",
  label: (_secret, prefix) =>
    prefix === "api_org_" ? "Hugging Face organisation token" : "Hugging Face access token",
  cvss: CVSS_PAID_API_ABUSE,
  minEntropy: 3.8,
  samples: {
    secret: [`new HfInference("${join("hf", "_", fakeChars("hf-1", 34, LETTERS))}")`],
    notSecret: ["hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 'const hf_model_config_loader_factory_v2 = "x"'],
  },
});

export const groqApiKey = prefixedTokenRule({
  name: "groq-api-key",
  provider: "Groq",
  findingId: ID,
  prefixes: ["gsk_"],
  tail: "[A-Za-z0-9]{52}",
  label: "Groq API key",
  cvss: CVSS_PAID_API_ABUSE,
  minEntropy: 4,
  samples: {
    secret: [`const groq=new Groq({apiKey:"${join("gs", "k_", fakeChars("groq-1", 52))}"})`],
    notSecret: ["gsk_your_groq_api_key_here_please_replace_it_with_yours1"],
  },
});

export const replicateApiToken = prefixedTokenRule({
  name: "replicate-api-token",
  provider: "Replicate",
  findingId: ID,
  prefixes: ["r8_"],
  tail: "[A-Za-z0-9]{37}",
  label: "Replicate API token",
  cvss: CVSS_PAID_API_ABUSE,
  minEntropy: 4,
  samples: {
    secret: [`{"REPLICATE_API_TOKEN":"${join("r8", "_", fakeChars("replicate-1", 37))}"}`],
    notSecret: ["r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "var r8_register_renderer = 1"],
  },
});

export const perplexityApiKey = prefixedTokenRule({
  name: "perplexity-api-key",
  provider: "Perplexity",
  findingId: ID,
  prefixes: ["pplx-"],
  tail: "[A-Za-z0-9]{48}",
  label: "Perplexity API key",
  cvss: CVSS_PAID_API_ABUSE,
  minEntropy: 4,
  samples: {
    secret: [`headers:{Authorization:"Bearer ${join("pp", "lx-", fakeChars("pplx-1", 48))}"}`],
    notSecret: ['className:"pplx-answer-card-container-with-a-very-long-descriptive-name"'],
  },
});

export const xaiApiKey = prefixedTokenRule({
  name: "xai-api-key",
  provider: "xAI",
  findingId: ID,
  prefixes: ["xai-"],
  tail: "[A-Za-z0-9]{80}",
  label: "xAI API key",
  cvss: CVSS_PAID_API_ABUSE,
  minEntropy: 4.5,
  samples: {
    secret: [
      `const client=new OpenAI({baseURL:"https://api.x.ai/v1",apiKey:"${join("xa", "i-", fakeChars("xai-1", 80))}"})`,
    ],
    notSecret: [`xai-${"x".repeat(80)}`, 'model:"grok-2",provider:"xai-compatible"'],
  },
});

export const openRouterApiKey = prefixedTokenRule({
  name: "openrouter-api-key",
  provider: "OpenRouter",
  findingId: ID,
  prefixes: ["sk-or-v1-"],
  tail: "[0-9a-f]{64}",
  label: "OpenRouter API key",
  cvss: CVSS_PAID_API_ABUSE,
  minEntropy: 3.3,
  minClasses: 1,
  // Starts with "sk-": checked before OpenAI's rule.
  priority: -1,
  samples: {
    secret: [
      `fetch("https://openrouter.ai/api/v1/chat/completions",{headers:{Authorization:"Bearer ${join("sk-", "or-", "v1-", fakeChars("openrouter-1", 64, HEX))}"}})`,
    ],
    notSecret: [`sk-or-v1-${"0".repeat(64)}`, `sk-or-v1-${fakeChars("openrouter-short", 20, BASE62)}`],
  },
});
