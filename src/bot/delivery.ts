import type { Surface } from "./actor.js";
import type { Reply } from "./reply.js";

/** Where a message goes: a conversation (optionally a thread in it), or one user directly. */
export type DeliveryTarget =
  | { kind: "conversation"; surface: Surface; conversationId: string; threadId?: string }
  | {
      kind: "user";
      surface: Surface;
      userId: string;
      /**
       * Where the message goes when the surface has no private place for this person yet (Teams:
       * no personal chat with the app). Without it such a delivery fails for good.
       */
      orElse?: { conversationId: string; threadId?: string };
    };

/** A delivered message, so it can be updated in place later. Plain data: it is stored. */
export interface MessageRef {
  surface: Surface;
  conversationId: string;
  /** Slack ts, Teams activity id, web message id. */
  messageId: string;
  threadId?: string;
}

export interface DeliverOptions {
  /** Update this message in place instead of posting a new one. */
  replaces?: MessageRef;
}

/**
 * The delivery seam: post a reply to a conversation, thread or user, or update one already
 * sent. One implementation per surface (Slack chat.postMessage/chat.update, Teams proactive
 * send/updateActivity, web push over SSE); `Delivery` picks by surface.
 */
export interface Deliverer {
  readonly surface: Surface;
  deliver(target: DeliveryTarget, reply: Reply, options?: DeliverOptions): Promise<MessageRef>;
}

/**
 * A delivery that failed in a way the caller can act on: retry after a while (Slack 429
 * Retry-After, Teams 429/412/502/504), or never (channel gone, bot removed).
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly details: { retryAfterMs?: number; permanent?: boolean; status?: number; code?: string } = {},
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** Thrown when a surface that is not configured is asked to deliver. */
export class SurfaceUnavailableError extends Error {}

export class Delivery {
  private readonly bySurface = new Map<Surface, Deliverer>();

  register(deliverer: Deliverer): void {
    this.bySurface.set(deliverer.surface, deliverer);
  }

  has(surface: Surface): boolean {
    return this.bySurface.has(surface);
  }

  async deliver(target: DeliveryTarget, reply: Reply, options: DeliverOptions = {}): Promise<MessageRef> {
    const deliverer = this.bySurface.get(target.surface);
    if (!deliverer) throw new SurfaceUnavailableError(`no deliverer for ${target.surface}`);
    if (options.replaces && options.replaces.surface !== target.surface) {
      throw new Error("a message can only be replaced on its own surface");
    }
    return deliverer.deliver(target, reply, options);
  }
}
