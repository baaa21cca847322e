import type { Deliverer, DeliveryTarget, MessageRef } from "../bot/delivery.js";
import { DeliveryError } from "../bot/delivery.js";
import type { Reply } from "../bot/reply.js";
import { type KeyValueStore, storeKey } from "../stores/keyValueStore.js";

const SCHEMA_VERSION = 1;

/** Where each named slot's message is, per conversation: so the next state updates it in place. */
export class MessageSlots {
  constructor(
    private readonly store: KeyValueStore,
    private readonly ttlSeconds: number,
  ) {}

  private key(target: DeliveryTarget, slot: string): string {
    return target.kind === "conversation"
      ? storeKey("slot", target.surface, target.conversationId, target.threadId ?? "-", slot)
      : storeKey("slot", target.surface, "user", target.userId, slot);
  }

  get(target: DeliveryTarget, slot: string): Promise<MessageRef | undefined> {
    return this.store.get<MessageRef>(this.key(target, slot), SCHEMA_VERSION);
  }

  set(target: DeliveryTarget, slot: string, ref: MessageRef): Promise<void> {
    return this.store.set(this.key(target, slot), ref, SCHEMA_VERSION, this.ttlSeconds);
  }
}

/**
 * Shows a reply: a reply with a slot updates the message stored for that slot in this
 * conversation, and falls back to a new message when there is none or it cannot be updated any
 * more; any other reply is a new message. The message a button was on is deliberately not used:
 * a colleague pressing someone else's route step must not overwrite that person's walk.
 */
export async function showReply(deliverer: Pick<Deliverer, "deliver">, slots: MessageSlots, target: DeliveryTarget, reply: Reply): Promise<MessageRef> {
  if (!reply.slot) return deliverer.deliver(target, reply);
  const existing = await slots.get(target, reply.slot).catch(() => undefined);
  let ref: MessageRef | undefined;
  if (existing) {
    try {
      ref = await deliverer.deliver(target, reply, { replaces: existing });
    } catch (error) {
      // Deleted, too old to edit, or from another app: the new state goes in a new message.
      if (!(error instanceof DeliveryError && error.details.permanent)) throw error;
    }
  }
  ref ??= await deliverer.deliver(target, reply);
  await slots.set(target, reply.slot, ref).catch(() => undefined);
  return ref;
}
