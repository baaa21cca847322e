import { expect } from "vitest";

/**
 * One message or action to the web chat API of a running Wegwijs, as a page sends it; fails the
 * test unless the server answers 200. Returns the parsed body.
 */
export async function postWebChat<T>(baseUrl: string, user: string, conversation: string, body: object, name?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user, conversation, ...(name ? { name } : {}), ...body }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}
