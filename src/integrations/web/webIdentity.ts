import { timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { WebAuthConfig } from "../../config.js";
import { findPersonalData } from "../../privacy/personalData.js";

/** Who is using the web chat, as set on `res.locals.webUser` for every /api request. */
export interface WebUser {
  id: string;
  name?: string;
}

/** Pseudonymous ids the page makes (and proxies send): letters, digits and a few separators. */
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,199}$/;
const NAME_MAX = 60;

function cleanName(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  // One line, no control characters: it is shown to colleagues on shared cards.
  const name = raw.replace(/[\p{Cc}\p{Cf}]/gu, "").replace(/\s+/g, " ").trim().slice(0, NAME_MAX);
  return name === "" ? undefined : name;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function webUserOf(res: Response): WebUser {
  return res.locals.webUser as WebUser;
}

/**
 * Sets `res.locals.webUser` from the configured identity source, or answers 401:
 * - local: the id the page chose (body `user`, or `?user=` for the stream) and the display name
 *   it chose; only reachable from this machine by default (config binds to 127.0.0.1);
 * - proxy: the authenticating reverse proxy's headers, only with the shared secret header; a
 *   `user` in the body is ignored;
 * - off: the web chat is switched off.
 */
export function webIdentity(auth: WebAuthConfig): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    switch (auth.mode) {
      case "off":
        res.status(404).json({ error: "De webchat staat uit op deze installatie." });
        return;
      case "proxy": {
        const secret = req.get("x-wegwijs-proxy-secret") ?? "";
        const id = req.get(auth.userHeader)?.trim() ?? "";
        if (!sameSecret(secret, auth.proxySecret) || !USER_ID.test(id)) {
          // Says nothing about which check failed.
          res.status(401).json({ error: "Niet aangemeld." });
          return;
        }
        const name = cleanName(req.get(auth.nameHeader));
        res.locals.webUser = { id, ...(name ? { name } : {}) } satisfies WebUser;
        next();
        return;
      }
      case "local": {
        const body = (typeof req.body === "object" && req.body !== null ? req.body : {}) as Record<string, unknown>;
        const raw = typeof body.user === "string" ? body.user : typeof req.query.user === "string" ? req.query.user : "";
        const id = raw.trim();
        if (!USER_ID.test(id)) {
          res.status(400).json({ error: "Ongeldig verzoek", details: ["user: een id van letters en cijfers, hoogstens 200 tekens"] });
          return;
        }
        // The page makes a random id; one that looks like personal data is refused, never stored.
        if (findPersonalData(id).length > 0) {
          res.status(400).json({ error: "Ongeldig verzoek", details: ["user: gebruik geen persoonsgegevens als id"] });
          return;
        }
        const name = cleanName(body.name ?? req.query.name);
        res.locals.webUser = { id, ...(name ? { name } : {}) } satisfies WebUser;
        next();
        return;
      }
    }
  };
}
