import path from "node:path";
import { loadConfig } from "../../src/config.js";
import { AskService, DEFAULT_ASK_OPTIONS } from "../../src/handlers/ask/askService.js";
import { KnowledgeBase } from "../../src/knowledge/knowledgeBase.js";
import { createLogger } from "../../src/logger.js";
const knowledge = new KnowledgeBase({ contentDir: path.resolve("content"), warn: () => {} });
await knowledge.ingest(loadConfig().corpusDir);
const ask = new AskService(knowledge, createLogger("silent"), undefined, { ...DEFAULT_ASK_OPTIONS, topK: 5 });
for (const q of process.argv.slice(2)) { const a = await ask.answer(q); console.log("Q:", q, "\n", a.status, "\n" + a.text + "\n-----"); }
