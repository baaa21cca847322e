import type { SourceCitation } from "../../bot/reply.js";
import { type KeyValueStore, storeKey } from "../../stores/keyValueStore.js";

/** What is kept about an answer so feedback can be related to it: never the question text. */
export interface AnswerRecord {
  status: string;
  mode: string;
  surface: string;
  sources: Array<Pick<SourceCitation, "documentId" | "section">>;
  /** Retrieved passages the answer did not show, for its own "Meer bronnen" button. */
  hiddenSources?: SourceCitation[];
  /** The region the asker said they work in (see askerRegion), for the notice under "Meer bronnen". */
  askerRegion?: string;
  at: string;
}

export type Rating = "useful" | "not_useful";

export interface FeedbackRecord {
  rating: Rating;
  surface: string;
  at: string;
  /** Optional reason given with a 👎, privacy-filtered and capped (see AskHandler). */
  reason?: string;
}

const SCHEMA_VERSION = 2;
/** Feedback is looked at in monthly reviews; a month is enough (WEGWIJS_ANSWER_TTL_DAYS). */
export const DEFAULT_ANSWER_RETENTION_SECONDS = 30 * 24 * 3600;

/**
 * Stores answer metadata and the 👍 / 👎 feedback on it. All votes on one answer live in one
 * record keyed by user, so a second press replaces that user's vote instead of adding one.
 */
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

  /** One vote per user per answer; a second press changes it (and keeps a reason already given). */
  async recordVote(answerId: string, userId: string, vote: Omit<FeedbackRecord, "reason">): Promise<void> {
    const votes = await this.votes(answerId);
    const previous = votes[userId];
    const keepReason = previous?.rating === vote.rating && previous.reason ? { reason: previous.reason } : {};
    votes[userId] = { ...vote, ...keepReason };
    await this.store.set(this.votesKey(answerId), votes, SCHEMA_VERSION, this.retentionSeconds);
  }

  /** Adds the reason to this user's vote; false when the user has not voted on the answer. */
  async recordReason(answerId: string, userId: string, reason: string): Promise<boolean> {
    const votes = await this.votes(answerId);
    const vote = votes[userId];
    if (!vote) return false;
    votes[userId] = { ...vote, reason };
    await this.store.set(this.votesKey(answerId), votes, SCHEMA_VERSION, this.retentionSeconds);
    return true;
  }

  /** Every vote on the answer, by user id. */
  async votes(answerId: string): Promise<Record<string, FeedbackRecord>> {
    return (await this.store.get<Record<string, FeedbackRecord>>(this.votesKey(answerId), SCHEMA_VERSION)) ?? {};
  }

  async feedback(answerId: string, userId: string): Promise<FeedbackRecord | undefined> {
    return (await this.votes(answerId))[userId];
  }

  private votesKey(answerId: string): string {
    return storeKey("feedback", answerId);
  }
}
