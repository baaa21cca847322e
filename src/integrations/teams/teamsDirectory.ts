import type { DirectoryMember, SurfaceDirectory } from "../../bot/directory.js";
import { channelConversationId } from "./teamsThreads.js";

/**
 * Teams people: the display name comes with every activity (`from.name`, put on the address by
 * the surface), membership from the conversation's roster (Bot Framework getConversationMember).
 */
export function createTeamsDirectory(
  isRosterMember: (conversationId: string, userId: string) => Promise<boolean>,
  options: { cacheMs?: number; now?: () => number; listRoster?: (conversationId: string) => Promise<DirectoryMember[]> } = {},
): SurfaceDirectory {
  const cacheMs = options.cacheMs ?? 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { member: boolean; until: number }>();
  const rosters = new Map<string, { members: DirectoryMember[]; until: number }>();
  const channelOf = (conversationId: string) => conversationId.split(";messageid=")[0]!;
  return {
    surface: "teams",
    async displayName(address) {
      return address.userName;
    },
    async isMember(conversationId, userId) {
      // Thread ids (";messageid=…") name the channel's conversation; the roster is the channel's.
      const channel = channelConversationId(conversationId);
      const key = `${channel}\u0000${userId}`;
      const hit = cache.get(key);
      if (hit && hit.until > now()) return hit.member;
      const member = await isRosterMember(channel, userId);
      if (cache.size > 10_000) cache.clear();
      cache.set(key, { member, until: now() + cacheMs });
      return member;
    },
    ...(options.listRoster
      ? {
          async members(conversationId: string): Promise<DirectoryMember[]> {
            const channel = channelOf(conversationId);
            const hit = rosters.get(channel);
            if (hit && hit.until > now()) return hit.members;
            const members = await options.listRoster!(channel);
            if (rosters.size > 1000) rosters.clear();
            rosters.set(channel, { members, until: now() + cacheMs });
            return members;
          },
        }
      : {}),
  };
}
