import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real HTTP server speaking the OpenAI wire format for chat completions and embeddings, so
 * tests exercise the real `openai` client (serialisation, status handling, aborts) end to end.
 */
export interface FakeOpenAI {
  /** Ends with "/v1", ready for `new OpenAI({ baseURL })`. */
  baseURL: string;
  /** Every request received, body parsed as JSON (undefined when not JSON). */
  requests: Array<{ path: string; body: any }>;
  /** Chat completions answer with this message content from now on. */
  respondWith(content: string): void;
  /**
   * Chat completions answer with what this function makes of each request body (e.g. a model
   * that echoes the question or the passages it was given), from now on.
   */
  respondUsing(make: (body: any) => string): void;
  /** Chat completions wait this long before answering, from now on. */
  delay(ms: number): void;
  /** Chat completions fail with this HTTP status from now on. */
  failWith(status: number): void;
  /** Back to the default answer, no delay, no failure; clears `requests`. */
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_EMBEDDING_DIM = 64;

export const DEFAULT_CHAT_CONTENT = JSON.stringify({
  answerable: true,
  answer: "Volgens het plan is dit zo geregeld [1].",
  citations: [1],
});

/** FNV-1a, enough to spread words over the vector deterministically. */
function hash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashed bag of words, L2-normalised: texts sharing words get a high cosine similarity. */
export function fakeEmbedding(text: string): number[] {
  const vector = new Array<number>(FAKE_EMBEDDING_DIM).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const h = hash(word);
    vector[h % FAKE_EMBEDDING_DIM]! += h & 0x80000000 ? -1 : 1;
  }
  const norm = Math.hypot(...vector);
  // A zero vector makes cosine similarity NaN downstream; give empty texts a fixed direction.
  if (norm === 0) return vector.map((_, i) => (i === 0 ? 1 : 0));
  return vector.map((v) => v / norm);
}

function toBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString("base64");
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.writableEnded) return; // the client gave up (e.g. a timeout)
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

function errorBody(status: number, message: string) {
  return { error: { message, type: status >= 500 ? "server_error" : "invalid_request_error", param: null, code: null } };
}

const countTokens = (text: string) => (text.match(/\S+/g) ?? []).length;

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: FakeOpenAI["requests"] = [];
  let fixedContent = DEFAULT_CHAT_CONTENT;
  let makeContent: ((body: any) => string) | undefined;
  let delayMs = 0;
  let failStatus: number | undefined;
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    const path = (req.url ?? "/").split("?")[0]!;
    requests.push({ path, body });

    if (req.method !== "POST") return sendJson(res, 405, errorBody(405, "Method not allowed"));

    if (path === "/v1/chat/completions") {
      if (delayMs > 0) await wait(delayMs);
      if (failStatus !== undefined) return sendJson(res, failStatus, errorBody(failStatus, "Fake upstream failure"));
      const prompt = (body?.messages ?? []).map((m: { content?: unknown }) => String(m.content ?? "")).join("\n");
      const promptTokens = countTokens(prompt);
      const content = makeContent ? makeContent(body) : fixedContent;
      const completionTokens = countTokens(content);
      return sendJson(res, 200, {
        id: `chatcmpl-fake${++counter}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body?.model ?? "fake-model",
        choices: [
          {
            index: 0,
            message: { role: "assistant", content, refusal: null },
            logprobs: null,
            finish_reason: "stop",
          },
        ],
        usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
      });
    }

    if (path === "/v1/embeddings") {
      const input: unknown = body?.input;
      const texts = typeof input === "string" ? [input] : Array.isArray(input) ? input : undefined;
      if (!texts || texts.some((t) => typeof t !== "string")) {
        return sendJson(res, 400, errorBody(400, "input must be a string or an array of strings"));
      }
      const base64 = body?.encoding_format === "base64";
      const tokens = texts.reduce((n: number, t: string) => n + countTokens(t), 0);
      return sendJson(res, 200, {
        object: "list",
        data: texts.map((text: string, index: number) => {
          const vector = fakeEmbedding(text);
          return { object: "embedding", index, embedding: base64 ? toBase64(vector) : vector };
        }),
        model: body?.model ?? "fake-embedding",
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      });
    }

    return sendJson(res, 404, errorBody(404, `Unknown path ${path}`));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendJson(res, 500, errorBody(500, String(error))));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    respondWith(next) {
      fixedContent = next;
      makeContent = undefined;
      failStatus = undefined;
    },
    respondUsing(make) {
      makeContent = make;
      failStatus = undefined;
    },
    delay(ms) {
      delayMs = ms;
    },
    failWith(status) {
      failStatus = status;
    },
    reset() {
      fixedContent = DEFAULT_CHAT_CONTENT;
      makeContent = undefined;
      delayMs = 0;
      failStatus = undefined;
      requests.length = 0;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
