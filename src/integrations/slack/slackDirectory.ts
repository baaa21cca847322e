import type { webApi } from "@slack/bolt";
import type { SurfaceDirectory } from "../../bot/directory.js";

/** Slack people and channels: display names from users.info, membership from conversations.members. */
export function createSlackDirectory(client: webApi.WebClient, options: { cacheMs?: number; now?: () => number } = {}): SurfaceDirectory {
  const cacheMs = options.cacheMs ?? 60_000;
  const now = options.now ?? Date.now;
  const members = new Map<string, { ids: ReadonlySet<string>; until: number }>();

  async function channelMembers(channel: string): Promise<ReadonlySet<string>> {
    const hit = members.get(channel);
    if (hit && hit.until > now()) return hit.ids;
    const ids = new Set<string>();
    let cursor: string | undefined;
    // Large channels page; 20 pages of 1000 is far beyond a coordinators' channel.
    for (let page = 0; page < 20; page++) {
      const result = await client.conversations.members({ channel, limit: 1000, ...(cursor ? { cursor } : {}) });
      for (const id of result.members ?? []) ids.add(id);
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    if (members.size > 1000) members.clear();
    members.set(channel, { ids, until: now() + cacheMs });
    return ids;
  }

  return {
    surface: "slack",
    async displayName(address) {
      const result = await client.users.info({ user: address.userId });
      const profile = result.user?.profile;
      return profile?.display_name || profile?.real_name || result.user?.real_name || undefined;
    },
    async isMember(conversationId, userId) {
      return (await channelMembers(conversationId)).has(userId);
    },
  };
}
