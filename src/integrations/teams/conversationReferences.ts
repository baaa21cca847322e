import type { Activity, ConversationReference } from "@microsoft/agents-activity";
import { bestEffort, type KeyValueStore, storeKey } from "../../stores/keyValueStore.js";
import { channelConversationId } from "./teamsThreads.js";

export const REFERENCE_SCHEMA_VERSION = 1;
/** A reference stays valid while the app is installed; contact refreshes it. */
export const REFERENCE_TTL_SECONDS = 180 * 24 * 3600;
/** Refresh at most daily on contact: one read per message, rarely a write. */
const REFRESH_AFTER_MS = 24 * 3600 * 1000;

interface StoredReference {
  reference: ConversationReference;
  storedAt: string;
}

export function conversationReferenceKey(conversationId: string): string {
  return storeKey("conversationref", "teams", conversationId);
}

function personalChatKey(userId: string): string {
  return storeKey("personalchat", "teams", userId);
}

/**
 * Just what a proactive send needs: ids, service URL, tenant. No display names (personal
 * data), and no activityId, so a later send posts to the conversation rather than as a reply.
 */
export function minimalReference(activity: Activity): ConversationReference {
  const { conversation, from, recipient, serviceUrl } = activity;
  if (!conversation?.id || !activity.channelId) throw new Error("activity without conversation or channel");
  return {
    channelId: activity.channelId,
    serviceUrl,
    ...(activity.locale ? { locale: activity.locale } : {}),
    conversation: {
      id: conversation.id,
      ...(conversation.conversationType ? { conversationType: conversation.conversationType } : {}),
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
      ...(conversation.isGroup !== undefined ? { isGroup: conversation.isGroup } : {}),
    },
    ...(from?.id ? { user: { id: from.id, ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}) } } : {}),
    ...(recipient?.id ? { agent: { id: recipient.id } } : {}),
  };
}

/** Conversation references per Teams conversation, for notifications sent later. */
export class TeamsConversationReferences {
  constructor(private readonly store: KeyValueStore) {}

  async get(conversationId: string): Promise<ConversationReference | undefined> {
    return (await this.store.get<StoredReference>(conversationReferenceKey(conversationId), REFERENCE_SCHEMA_VERSION))?.reference;
  }

  /**
   * Stores the reference of this activity's conversation: always at install (`force`), on
   * contact only when missing, stale, or the service URL moved (Teams can change regions).
   */
  /** Best effort: without the store the turn is still answered; the next message stores it again. */
  async remember(activity: Activity, force = false): Promise<void> {
    await bestEffort(() => this.storeReference(activity, force));
  }

  private async storeReference(activity: Activity, force: boolean): Promise<void> {
    const reference = minimalReference(activity);
    const written = await this.storeOne(reference, force);
    // An activity in a channel thread also gives the channel itself: what is linked to a channel
    // (a coordinators' channel) is posted there as a new message, not into that one thread.
    const channel = channelConversationId(reference.conversation.id);
    if (reference.conversation.conversationType === "channel" && channel !== reference.conversation.id) {
      await this.storeOne({ ...reference, conversation: { ...reference.conversation, id: channel } }, force);
    }
    const user = activity.from?.aadObjectId ?? activity.from?.id;
    if (written && reference.conversation.conversationType === "personal" && user) {
      await this.store.set(personalChatKey(user), reference.conversation.id, REFERENCE_SCHEMA_VERSION, REFERENCE_TTL_SECONDS);
    }
  }

  /** Writes one reference unless a fresh one with the same service URL is there; true when written. */
  private async storeOne(reference: ConversationReference, force: boolean): Promise<boolean> {
    const key = conversationReferenceKey(reference.conversation.id);
    if (!force) {
      const stored = await this.store.get<StoredReference>(key, REFERENCE_SCHEMA_VERSION);
      const fresh = stored !== undefined && Date.now() - Date.parse(stored.storedAt) < REFRESH_AFTER_MS;
      if (fresh && stored.reference.serviceUrl === reference.serviceUrl) return false;
    }
    await this.store.set<StoredReference>(key, { reference, storedAt: new Date().toISOString() }, REFERENCE_SCHEMA_VERSION, REFERENCE_TTL_SECONDS);
    return true;
  }

  /** The personal chat of a user (by aadObjectId or Teams id), to reach them directly. */
  async personalChatOf(userId: string): Promise<string | undefined> {
    return this.store.get<string>(personalChatKey(userId), REFERENCE_SCHEMA_VERSION);
  }

  async forget(conversationId: string): Promise<void> {
    await this.store.delete(conversationReferenceKey(conversationId));
  }
}
