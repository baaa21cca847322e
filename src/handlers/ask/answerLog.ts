import type { SourceCitation } from "../../bot/reply.js";
import { type KeyValueStore, storeKey } from "../../stores/keyValueStore.js";

/** What is kept about an answer so feedback can be related to it: never the question text. */
export interface AnswerRecord {
  status: string;
  mode: string;
  surface: string;
  sources: Array<Pick<SourceCitation, "documentId" | "section">>;
  at: string;
}

export interface FeedbackRecord {
  rating: "useful" | "not_useful";
  surface: string;
  at: string;
}

const SCHEMA_VERSION = 1;
/** Feedback is looked at in monthly reviews; a month is enough (WEGWIJS_ANSWER_TTL_DAYS). */
export const DEFAULT_ANSWER_RETENTION_SECONDS = 30 * 24 * 3600;

/** Stores answer metadata and the "nuttig / niet nuttig" feedback on it. */
export class AnswerLog {
  constructor(
    private readonly store: KeyValueStore,
    private readonly retentionSeconds = DEFAULT_ANSWER_RETENTION_SECONDS,
  ) {}

  async recordAnswer(answerId: string, record: AnswerRecord): Promise<void> {
    await this.store.set(storeKey("answer", answerId), record, SCHEMA_VERSION, this.retentionSeconds);
  }

  async answer(answerId: string): Promise<AnswerRecord | undefined> {
    return this.store.get<AnswerRecord>(storeKey("answer", answerId), SCHEMA_VERSION);
  }

  /** One rating per user per answer; a second press changes it. */
  async recordFeedback(answerId: string, userId: string, record: FeedbackRecord): Promise<void> {
    await this.store.set(storeKey("feedback", answerId, userId), record, SCHEMA_VERSION, this.retentionSeconds);
  }

  async feedback(answerId: string, userId: string): Promise<FeedbackRecord | undefined> {
    return this.store.get<FeedbackRecord>(storeKey("feedback", answerId, userId), SCHEMA_VERSION);
  }
}
